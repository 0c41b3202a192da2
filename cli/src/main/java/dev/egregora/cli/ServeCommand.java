package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora serve}. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the built site on 127.0.0.1 and rebuild on change.")
final class ServeCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'serve' is not available in this build yet");
    }
}
