package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code egregora ingest EXPORT --site SITE}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read a chat export (ZIP or .txt) into the site's database.")
final class IngestCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "EXPORT", description = "WhatsApp export (.zip or .txt).")
    Path export;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Mixin
    Settings.IngestFlags flags;

    @Override
    public void run() {
        if (!Files.exists(export)) {
            throw new EgregoraException("export not found: " + export);
        }
        EgregoraConfig config = flags.apply(ConfigLoader.load(site));
        InputAdapter input = root.injector().getInstance(InputAdapter.class);
        InputAdapter.IngestSummary summary;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            summary = input.ingest(ws, flags.request(export, config));
        }
        Reports.ingest(root.out(), summary);
    }
}
