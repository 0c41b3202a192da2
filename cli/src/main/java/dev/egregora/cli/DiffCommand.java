package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;

/** {@code egregora diff SITE_A SITE_B}: what changed between two built sites. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two built sites: pages added, removed and changed, with a text diff of changed pages.")
final class DiffCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "SITE_A")
    Path a;

    @Parameters(index = "1", paramLabel = "SITE_B")
    Path b;

    @Override
    public void run() {
        throw new EgregoraException("'diff' is not available in this build yet");
    }
}
