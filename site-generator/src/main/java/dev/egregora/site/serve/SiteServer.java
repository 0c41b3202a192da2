package dev.egregora.site.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.egregora.core.EgregoraException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small static file server for a built site, on the JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1
 * only. GET/HEAD only; directories serve their {@code index.html}; any path that would leave the root (dot
 * segments, encoded separators, symlinks out of the root) gets 404; missing files get the site's {@code 404.html}.
 * {@code port 0} picks a free port. Close it to stop.
 */
public final class SiteServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("ogg", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("pdf", "application/pdf"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;

    private SiteServer(HttpServer server, ExecutorService executor, Path root) {
        this.server = server;
        this.executor = executor;
        this.root = root;
    }

    /** Starts serving {@code root} on {@code 127.0.0.1:port} (0 = any free port). */
    public static SiteServer start(Path root, int port) {
        Path dir;
        try {
            dir = root.toRealPath();
        } catch (IOException e) {
            throw new EgregoraException("cannot serve " + root + ": it does not exist (build the site first)", e);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "site-server");
                t.setDaemon(true);
                return t;
            });
            SiteServer s = new SiteServer(server, executor, dir);
            server.createContext("/", s::handle);
            server.setExecutor(executor);
            server.start();
            LOG.info("serving {} on {}", dir, s.url());
            return s;
        } catch (IOException e) {
            throw new EgregoraException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/} */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = resolve(ex.getRequestURI());
            if (file == null) {
                Path notFound = root.resolve("404.html");
                byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                        : "not found".getBytes(StandardCharsets.UTF_8);
                send(ex, 404, Files.isRegularFile(notFound) ? TYPES.get("html") : "text/plain", body);
                return;
            }
            send(ex, 200, type(file), Files.readAllBytes(file));
        }
    }

    /** The file a request path maps to, or null when it is missing or not inside the root. */
    Path resolve(URI uri) {
        String raw = uri.getRawPath();
        if (raw == null || !raw.startsWith("/") || raw.contains("%2f") || raw.contains("%2F")
                || raw.contains("%5c") || raw.contains("%5C") || raw.contains("\\") || raw.contains("%00")) {
            return null;
        }
        String path = uri.getPath();
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return null;
            }
        }
        Path p = root.resolve(path.substring(1)).normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("index.html");
        }
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
