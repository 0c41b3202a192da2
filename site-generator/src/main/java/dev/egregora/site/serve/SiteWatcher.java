package dev.egregora.site.serve;

import dev.egregora.core.store.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Rebuilds a site when its inputs change, for {@code egregora serve}: polls the size and modification time of the
 * workspace database (and its WAL), {@code .egregora/config.toml} and every file under {@code .egregora/theme/}.
 * A change is acted on once the files have stayed the same for one more poll (a writer in progress is not
 * interrupted); the database's state is taken again after each rebuild, so the build's own writes to it do not
 * trigger another one, while config and theme edits made during a rebuild trigger the next. Polling instead of a {@code WatchService}: one stat per input file per interval, works on
 * every file system, and sees DuckDB's in-place writes. Rebuilds run on one daemon thread, never concurrently;
 * a failed rebuild (e.g. the database is locked by a running {@code egregora write}) is reported to {@code errors}
 * once and retried at every poll until it succeeds.
 */
public final class SiteWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteWatcher.class);

    private final Path site;
    private final Runnable rebuild;
    private final Consumer<String> errors;
    private final ScheduledExecutorService timer;
    private Map<String, String> built;
    private Map<String, String> pending;
    private String lastError;
    private final String database;

    private SiteWatcher(Path site, Runnable rebuild, Consumer<String> errors) {
        this.site = site;
        this.rebuild = rebuild;
        this.errors = errors;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "egregora-site-watcher");
            t.setDaemon(true);
            return t;
        });
        this.database = site.resolve(Workspace.DATA_DIR).resolve(Workspace.DATABASE_FILE).toString();
        this.built = state();
    }

    /**
     * Starts watching {@code site}; the current state counts as built (build before calling this).
     *
     * @param rebuild runs a build (opening and closing the workspace itself, so other commands can use it)
     * @param errors  receives a one-line message when a rebuild fails
     */
    public static SiteWatcher start(Path site, Duration interval, Runnable rebuild, Consumer<String> errors) {
        SiteWatcher w = new SiteWatcher(site.toAbsolutePath().normalize(), Objects.requireNonNull(rebuild),
                Objects.requireNonNull(errors));
        long ms = Math.max(1, interval.toMillis());
        w.timer.scheduleWithFixedDelay(w::poll, ms, ms, TimeUnit.MILLISECONDS);
        return w;
    }

    private void poll() {
        try {
            Map<String, String> now = state();
            if (now.equals(built)) {
                pending = null;
                return;
            }
            if (!now.equals(pending)) {
                pending = now; // changed since the last poll: wait until it settles
                return;
            }
            pending = null;
            try {
                rebuild.run();
                lastError = null;
                // the database as the build left it (its own writes are not a change; nobody else can write
                // while it holds the workspace), config and theme as they were before it (edits made meanwhile
                // trigger the next rebuild)
                Map<String, String> after = state();
                now.keySet().removeIf(k -> k.startsWith(database));
                after.forEach((k, v) -> {
                    if (k.startsWith(database)) {
                        now.put(k, v);
                    }
                });
                built = now;
            } catch (RuntimeException e) {
                // not marked built: retried at the next poll; the same error is reported once
                String message = "rebuild failed: " + e.getMessage();
                if (!message.equals(lastError)) {
                    errors.accept(message);
                }
                lastError = message;
                LOG.debug("rebuild failed", e);
            }
        } catch (RuntimeException e) {
            errors.accept("watching " + site + " failed: " + e.getMessage());
        }
    }

    /** Path to "size/mtime" of every watched input that exists. */
    Map<String, String> state() {
        Path data = site.resolve(Workspace.DATA_DIR);
        Map<String, String> s = new TreeMap<>();
        stat(data.resolve(Workspace.DATABASE_FILE), s);
        stat(data.resolve(Workspace.DATABASE_FILE + ".wal"), s);
        stat(data.resolve("config.toml"), s);
        Path theme = data.resolve("theme");
        if (Files.isDirectory(theme)) {
            try (Stream<Path> files = Files.walk(theme)) {
                files.forEach(f -> stat(f, s));
            } catch (IOException | UncheckedIOException e) {
                s.put(theme.toString(), "unreadable");
            }
        }
        return s;
    }

    private static void stat(Path f, Map<String, String> into) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            if (a.isRegularFile()) {
                into.put(f.toString(), a.size() + "/" + a.lastModifiedTime());
            }
        } catch (IOException e) {
            // absent: not part of the state
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
