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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small static file server for a built site, on the JDK's {@code com.sun.net.httpserver}, bound to 127.0.0.1
 * only. GET/HEAD only; directories serve their {@code index.html}; any path that would leave the root (dot
 * segments, encoded separators, symlinks out of the root) gets 404; missing files get the site's {@code 404.html}.
 * Files are streamed in 64 KiB steps (heap does not grow with a video's size), HEAD answers the length, and a single
 * {@code Range: bytes=...} is honoured (206) so browsers can seek in videos. {@code port 0} picks a free port.
 * Close it to stop.
 */
public final class SiteServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);
    /** Bytes read and written per step when streaming a file: a 1 GiB video costs this much heap, not 1 GiB. */
    private static final int CHUNK = 64 * 1024;
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
            serve(ex, resolve(ex.getRequestURI()));
        }
    }

    /**
     * Streams {@code file} (null: the 404 page). A file that vanished since {@link #resolve} checked it (a
     * {@code write} replacing the site) gets the 404 page; the length is taken from the opened file, so a file
     * renamed over meanwhile is served whole, old or new.
     */
    void serve(HttpExchange ex, Path file) throws IOException {
        if (file != null) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                sendFile(ex, 200, type(file), ch);
                return;
            } catch (NoSuchFileException gone) {
                // deleted between the check and the open: fall through to 404
            }
        }
        Path notFound = root.resolve("404.html");
        try (FileChannel ch = FileChannel.open(notFound, StandardOpenOption.READ)) {
            sendFile(ex, 404, TYPES.get("html"), ch);
        } catch (NoSuchFileException noPage) {
            send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Headers, then the body (or the requested byte range of it) copied from the channel in chunks. */
    private static void sendFile(HttpExchange ex, int status, String type, FileChannel ch) throws IOException {
        long size = ch.size();
        long start = 0;
        long length = size;
        if (status == 200) {
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            long[] range = range(ex.getRequestHeaders().getFirst("Range"), size);
            if (range == UNSATISFIABLE) {
                ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                send(ex, 416, "text/plain; charset=utf-8", "range not satisfiable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (range != null) {
                start = range[0];
                length = range[1] - range[0] + 1;
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
            }
        }
        headers(ex, type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        // a zero-length body is announced as chunked by this API; -1 would mean "no body"
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        try (OutputStream out = ex.getResponseBody()) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long pos = start;
            long end = start + length;
            while (pos < end) {
                buf.clear().limit((int) Math.min(CHUNK, end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("file shrank while being served");
                }
                out.write(buf.array(), 0, n);
                pos += n;
            }
        }
    }

    private static final long[] UNSATISFIABLE = new long[0];

    /**
     * The one byte range of a {@code Range: bytes=...} header as {@code {first, last}} (inclusive), null to send the
     * whole file (no header, a malformed one or several ranges), or {@link #UNSATISFIABLE}.
     */
    static long[] range(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            long first;
            long last;
            if (a.isEmpty()) { // the last N bytes
                long n = Long.parseLong(b);
                if (n <= 0) {
                    return n == 0 ? UNSATISFIABLE : null;
                }
                first = Math.max(0, size - n);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (first < 0 || (!b.isEmpty() && Long.parseLong(b) < first)) {
                    return null;
                }
            }
            return first >= size ? UNSATISFIABLE : new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
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

    private static void headers(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        headers(ex, type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (head) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
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
