package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora build}. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Render the site from the site's database.")
final class BuildCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'build' is not available in this build yet");
    }
}
