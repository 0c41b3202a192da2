package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora demo}. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole pipeline on a generated sample export.")
final class DemoCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'demo' is not available in this build yet");
    }
}
