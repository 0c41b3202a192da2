package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora git-history}. */
@Command(name = "git-history", mixinStandardHelpOptions = true, description = "Load a git repository's history and query it.")
final class GitHistoryCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'git-history' is not available in this build yet");
    }
}
