package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code egregora ingest}. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Read a chat export (ZIP or .txt) into the site's database.")
final class IngestCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Override
    public void run() {
        throw new EgregoraException("'ingest' is not available in this build yet");
    }
}
