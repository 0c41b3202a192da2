package dev.egregora.writer.enrich;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LinkFetcherTest {
    private HttpServer server;
    private String root;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/page", ex -> send(ex, 200, "text/html; charset=utf-8",
                "<html><head><title>Plain title</title><meta property=\"og:title\" content=\"Alfama terrace\">"
                        + "<meta name=\"description\" content=\"  A flat with a\n view \"></head><body>x</body></html>"));
        server.createContext("/hop", ex -> {
            ex.getResponseHeaders().add("Location", "/page");
            send(ex, 302, "text/plain", "");
        });
        server.createContext("/pdf", ex -> send(ex, 200, "application/pdf", "%PDF"));
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsOpenGraphAndMetaDescriptionFollowingGuardedRedirects() {
        LinkFetcher fetcher = new LinkFetcher(new UrlGuard(true), Duration.ofSeconds(5));
        assertThat(fetcher.fetch(root + "/hop")).contains(new LinkPreview(root + "/hop", "Alfama terrace",
                "A flat with a view"));
        assertThat(fetcher.fetch(root + "/pdf")).isEmpty();
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        LinkFetcher strict = new LinkFetcher(new UrlGuard(false), Duration.ofSeconds(5));
        assertThat(strict.fetch(root + "/page")).isEmpty();
        assertThat(strict.fetch("not a url")).isEmpty();
    }

    @Test
    void parseFallsBackToTheTitleElement() {
        assertThat(LinkFetcher.parse("u", "<title> T </title>")).isEqualTo(new LinkPreview("u", "T", ""));
    }
}
