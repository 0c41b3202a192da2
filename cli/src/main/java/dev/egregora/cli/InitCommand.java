package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora init}. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a site directory with a commented config file.")
final class InitCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'init' is not available in this build yet");
    }
}
