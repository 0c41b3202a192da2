package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora windows}. */
@Command(name = "windows", mixinStandardHelpOptions = true, description = "Cut the ingested conversation into windows and print the window table.")
final class WindowsCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'windows' is not available in this build yet");
    }
}
