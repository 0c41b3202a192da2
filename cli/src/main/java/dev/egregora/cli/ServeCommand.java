package dev.egregora.cli;

import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import dev.egregora.site.serve.SiteServer;
import dev.egregora.site.serve.SiteWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code egregora serve --site SITE}: build the site, serve it on loopback and rebuild it whenever the workspace's
 * posts, the theme or the config change, until interrupted.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site, serve it on 127.0.0.1 and rebuild it when posts, theme or config change.")
final class ServeCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--no-watch", description = "Serve what is built; do not rebuild on change.")
    boolean noWatch;

    @Override
    public void run() {
        Path out = site.resolve("public");
        build(out);
        CountDownLatch stop = new CountDownLatch(1);
        try (SiteServer server = SiteServer.start(out, port);
             SiteWatcher watcher = noWatch ? null : SiteWatcher.start(site, Duration.ofMillis(500),
                     () -> build(out), this::error)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            root.out().println("Serving " + out + " at " + server.url()
                    + (watcher != null ? ", rebuilding on change" : "") + " (Ctrl-C to stop)");
            root.out().flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One incremental build; the workspace is open only while building, so {@code write} can run meanwhile. */
    private void build(Path out) {
        SiteRenderer renderer = root.injector().getInstance(SiteRenderer.class);
        SiteRenderer.BuildSummary summary;
        try (Workspace ws = root.injector().getInstance(WorkspaceOpener.class).open(site)) {
            summary = renderer.build(ws, new SiteRenderer.Request(out, SiteRenderer.Format.HTML, false));
        }
        synchronized (root) {
            Reports.build(root.out(), summary);
            root.out().flush();
        }
    }

    private void error(String message) {
        synchronized (root) {
            root.err().println("egregora serve: " + message);
            root.err().flush();
        }
    }
}
