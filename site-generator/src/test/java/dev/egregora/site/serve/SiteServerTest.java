package dev.egregora.site.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
