package dev.egregora.cli;

import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;

/** {@code egregora build --site SITE}: render the site from the database. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Render the site from the site's database.")
final class BuildCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT", description = "html | mkdocs.")
    String format;

    @Option(names = "--output", paramLabel = "DIR", description = "Where to write (default: SITE/public, or SITE/mkdocs).")
    Path output;

    @Option(names = "--full", description = "Re-render every page, ignoring the incremental manifest.")
    boolean full;

    @Override
    public void run() {
        SiteRenderer.Format f = WriteCommand.format(format);
        Path out = output != null ? output : site.resolve(f == SiteRenderer.Format.HTML ? "public" : "mkdocs");
        SiteRenderer renderer = root.injector().getInstance(SiteRenderer.class);
        SiteRenderer.BuildSummary summary;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            summary = renderer.build(ws, new SiteRenderer.Request(out, f, full));
        }
        Reports.build(root.out(), summary);
    }
}
