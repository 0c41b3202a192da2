package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora config}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Print the effective configuration.")
final class ConfigCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'config' is not available in this build yet");
    }
}
