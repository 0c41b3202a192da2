package dev.egregora.site.serve;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SiteServerTest {
    @TempDir
    Path dir;

    @Test
    void servesFilesIndexesAnd404ButNothingOutsideTheRoot() throws Exception {
        Path root = dir.resolve("public");
        Files.createDirectories(root.resolve("tags/x"));
        Files.writeString(root.resolve("index.html"), "home");
        Files.writeString(root.resolve("404.html"), "missing page");
        Files.writeString(root.resolve("tags/x/index.html"), "tag x");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
        try (SiteServer server = SiteServer.start(root, 0)) {
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).isEqualTo("home");
            assertThat(home.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(get(http, server.url() + "tags/x/").body()).isEqualTo("tag x");
            HttpResponse<String> missing = get(http, server.url() + "nope.html");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("missing page");
            assertThat(get(http, server.url() + "link.txt").statusCode()).isEqualTo(404);
            assertThat(get(http, server.url() + "%2e%2e/secret.txt").statusCode()).isEqualTo(404);
            assertThat(get(http, server.url() + "..%2fsecret.txt").statusCode()).isEqualTo(404);
            // a raw request line that the HTTP client would normalise away
            assertThat(raw(server.port(), "GET /../secret.txt HTTP/1.0")).doesNotContain("secret").contains("404");
            assertThat(raw(server.port(), "DELETE /index.html HTTP/1.0")).contains("405");
        }
    }

    /**
     * Finding F12: files were read whole into the heap. A sparse 3 GiB "video" (more than a Java array can hold, so
     * reading it whole cannot work at any heap) is answered by HEAD with its length, and a browser's seek (a byte
     * range) gets exactly the bytes asked for.
     */
    @Test
    void bigFilesAreStreamedWithHeadAndByteRanges() throws Exception {
        Path root = dir.resolve("public");
        Files.createDirectories(root.resolve("media"));
        long size = 3L << 30;
        byte[] tail = "THE END".getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile f = new RandomAccessFile(root.resolve("media/film.mp4").toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - tail.length);
            f.write(tail);
        }
        byte[] small = new byte[200_000];
        new Random(3).nextBytes(small);
        Files.write(root.resolve("media/clip.webm"), small);
        Files.writeString(root.resolve("empty.txt"), "");
        try (SiteServer server = SiteServer.start(root, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            String film = server.url() + "media/film.mp4";
            HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(film))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("content-length")).hasValue(Long.toString(size));
            assertThat(head.headers().firstValue("accept-ranges")).hasValue("bytes");
            assertThat(head.headers().firstValue("content-type")).hasValue("video/mp4");
            assertThat(head.body()).isEmpty();

            HttpResponse<byte[]> end = range(http, film, "bytes=-7");
            assertThat(end.statusCode()).isEqualTo(206);
            assertThat(end.body()).isEqualTo(tail);
            assertThat(end.headers().firstValue("content-range"))
                    .hasValue("bytes " + (size - 7) + "-" + (size - 1) + "/" + size);
            HttpResponse<byte[]> middle = range(http, film, "bytes=" + (size - 10) + "-" + (size - 5));
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.body()).isEqualTo(new byte[] {0, 0, 0, 'T', 'H', 'E'});
            HttpResponse<byte[]> beyond = range(http, film, "bytes=" + size + "-");
            assertThat(beyond.statusCode()).isEqualTo(416);
            assertThat(beyond.headers().firstValue("content-range")).hasValue("bytes */" + size);

            String clip = server.url() + "media/clip.webm";
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(clip)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(small);
            HttpResponse<byte[]> from = range(http, clip, "bytes=100000-");
            assertThat(from.statusCode()).isEqualTo(206);
            assertThat(from.body()).isEqualTo(Arrays.copyOfRange(small, 100_000, small.length));
            // several ranges or a malformed header: the whole file, as a server may answer
            assertThat(range(http, clip, "bytes=0-1,5-6").body()).isEqualTo(small);
            assertThat(range(http, clip, "bytes=x-y").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> empty = http.send(HttpRequest.newBuilder(URI.create(server.url() + "empty.txt"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(empty.body()).isEmpty();
            assertThat(empty.headers().firstValue("content-length")).hasValue("0");
        }
    }

    /**
     * A {@code write} can delete a page between the server's check that it exists and the read: that is a 404
     * with the site's page, not a dropped connection. The gap is made certain by deleting the file in between,
     * with the server's own resolve and serve steps on a real loopback exchange.
     */
    @Test
    void aFileDeletedBetweenTheCheckAndTheReadGetsThe404Page() throws Exception {
        Path root = dir.resolve("public");
        Files.createDirectories(root.resolve("posts"));
        Files.writeString(root.resolve("posts/a.html"), "post a");
        Files.writeString(root.resolve("404.html"), "missing page");
        try (SiteServer site = SiteServer.start(root, 0)) {
            HttpServer racing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            racing.createContext("/", ex -> {
                try (ex) {
                    Path file = site.resolve(ex.getRequestURI());
                    assertThat(file).isNotNull();
                    Files.delete(file);
                    site.serve(ex, file);
                }
            });
            racing.start();
            try {
                HttpResponse<String> r = get(HttpClient.newHttpClient(),
                        "http://127.0.0.1:" + racing.getAddress().getPort() + "/posts/a.html");
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.body()).isEqualTo("missing page");
            } finally {
                racing.stop(0);
            }
            Files.delete(root.resolve("404.html"));
            HttpResponse<String> plain = get(HttpClient.newHttpClient(), site.url() + "posts/a.html");
            assertThat(plain.statusCode()).isEqualTo(404);
            assertThat(plain.body()).isEqualTo("not found");
        }
    }

    @Test
    void rangeHeaders() {
        assertThat(SiteServer.range(null, 10)).isNull();
        assertThat(SiteServer.range("bytes=0-0", 10)).containsExactly(0, 0);
        assertThat(SiteServer.range("bytes=2-", 10)).containsExactly(2, 9);
        assertThat(SiteServer.range("bytes=5-100", 10)).containsExactly(5, 9);
        assertThat(SiteServer.range("bytes=-3", 10)).containsExactly(7, 9);
        assertThat(SiteServer.range("bytes=-30", 10)).containsExactly(0, 9);
        assertThat(SiteServer.range("bytes=10-", 10)).isEmpty();
        assertThat(SiteServer.range("bytes=-0", 10)).isEmpty();
        assertThat(SiteServer.range("bytes=0-", 0)).isEmpty();
        assertThat(SiteServer.range("bytes=5-2", 10)).isNull();
        assertThat(SiteServer.range("bytes=1-2,4-5", 10)).isNull();
        assertThat(SiteServer.range("items=1-2", 10)).isNull();
        assertThat(SiteServer.range("bytes=a-b", 10)).isNull();
        assertThat(SiteServer.range("bytes=99999999999999999999-", 10)).isNull();
    }

    private static HttpResponse<byte[]> range(HttpClient http, String url, String range) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Range", range).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(int port, String requestLine) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
