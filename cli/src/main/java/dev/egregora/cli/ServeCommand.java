package dev.egregora.cli;

import dev.egregora.site.serve.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code egregora serve --site SITE}: serve the built site on loopback until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the built site on 127.0.0.1.")
final class ServeCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--port", defaultValue = "8000", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Override
    public void run() {
        CountDownLatch stop = new CountDownLatch(1);
        try (SiteServer server = SiteServer.start(site.resolve("public"), port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            root.out().println("Serving " + site.resolve("public") + " at " + server.url() + " (Ctrl-C to stop)");
            root.out().flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
