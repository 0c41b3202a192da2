package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora write}. */
@Command(name = "write", mixinStandardHelpOptions = true, description = "Ingest an export, write one post per window, build profiles and the site.")
final class WriteCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'write' is not available in this build yet");
    }
}
