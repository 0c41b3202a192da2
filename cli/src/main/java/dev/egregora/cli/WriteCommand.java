package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.pipeline.WritePipeline;
import dev.egregora.core.pipeline.WriteReport;
import dev.egregora.core.pipeline.WriteRequest;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code egregora write EXPORT --output SITE}: the main job. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Ingest an export, write one post per window, build profiles and the site.")
final class WriteCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Parameters(index = "0", paramLabel = "EXPORT", arity = "0..1",
            description = "WhatsApp export (.zip or .txt). Without it, the site's already ingested messages are used.")
    Path export;

    @Option(names = {"-o", "--output", "--site"}, defaultValue = "site", paramLabel = "SITE",
            description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Mixin
    Settings.IngestFlags ingest;

    @Mixin
    Settings.WindowFlags windows;

    @Option(names = "--writer", paramLabel = "KIND", description = "offline (default) | openai | gemini.")
    String writer;

    @Option(names = "--threads", paramLabel = "N", description = "Windows written in parallel (default: cores).")
    Integer threads;

    @Option(names = "--no-build", description = "Write posts and profiles, do not render the site.")
    boolean noBuild;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", description = "html | mkdocs.")
    String format;

    @Option(names = "--timings", description = "Print a table of stages with time, items and throughput.")
    boolean timings;

    @Option(names = "--publish-real-names",
            description = "Publish real display names instead of pseudonyms (only with everyone's consent).")
    boolean publishRealNames;

    @Override
    public void run() {
        if (export != null && !Files.exists(export)) {
            throw new EgregoraException("export not found: " + export);
        }
        EgregoraConfig config = windows.apply(ingest.apply(ConfigLoader.load(site)));
        String kind = writer != null ? writer : config.writer().kind();
        if (!kind.equals("offline")) {
            throw new EgregoraException("writer '" + kind + "' is not available in this build yet; use --writer offline");
        }
        SiteRenderer.Format f = format(format);
        SiteRenderer.Request build = noBuild ? null : new SiteRenderer.Request(
                site.resolve(f == SiteRenderer.Format.HTML ? "public" : "mkdocs"), f, false);
        WriteRequest request = new WriteRequest(export == null ? null : ingest.request(export, config),
                Settings.windowSpec(config), build, Settings.threads(config, threads),
                publishRealNames || config.privacy().publishRealNames());
        WritePipeline pipeline = root.injector().getInstance(WritePipeline.class);
        WriteReport report;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            report = pipeline.run(ws, request, ConsoleProgress.forConsole(root.err()));
        }
        Reports.write(root.out(), report);
        if (timings) {
            Reports.timings(root.out(), report);
        }
        if (!report.failures().isEmpty()) {
            throw new EgregoraException(report.failures().size() + " window(s) failed; run the same command again "
                    + "to retry them (the others are kept)");
        }
    }

    static SiteRenderer.Format format(String value) {
        try {
            return SiteRenderer.Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EgregoraException("unknown format '" + value + "' (html or mkdocs)");
        }
    }
}
