package dev.egregora.writer.llm;

import com.sun.net.httpserver.HttpServer;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.MediaItem;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.MessageKind;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.writer.Chats;
import dev.egregora.writer.enrich.LinkFetcher;
import dev.egregora.writer.enrich.UrlGuard;
import dev.egregora.writer.llm.FakeModelServer.Reply;
import dev.egregora.writer.llm.FakeModelServer.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link descriptions and image alt text with a model on loopback and a real page server on loopback: what reaches the
 * writer's prompt and the post, the SSRF guard, and the cache (a second writer pays nothing and fetches nothing).
 */
class EnrichmentTest {
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    Path site;
    HttpServer pages;
    final AtomicInteger pageHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/recipe", ex -> {
            pageHits.incrementAndGet();
            byte[] body = ("<html><head><title>Pastel de nata recipe</title><meta name=\"description\" "
                    + "content=\"Custard tarts from Belem, step by step\"></head><body>x</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        pages.start();
        Files.createDirectories(site.resolve("media/ab"));
        Files.write(site.resolve("media/ab/abcd.png"), PNG);
    }

    @AfterEach
    void stop() {
        pages.stop(0);
    }

    private WindowContent window(String url) {
        List<Message> messages = new ArrayList<>(Chats.parse("e1", "A|0|Look at this recipe " + url + "\nB|1|Yum\n"));
        messages.add(new Message("e1-img", "e1", Chats.T0.plusSeconds(120), 2, Chats.OWL.id(), MessageKind.USER, "",
                "abcd", "IMG-1.png"));
        MediaItem image = new MediaItem("abcd", "IMG-1.png", "media/ab/abcd.png", "image/png", "image", PNG.length);
        return Chats.window(messages, new java.util.LinkedHashMap<>(Map.of("abcd", image)));
    }

    private static Reply answer(FakeModelServer.Received r) {
        if (r.body().contains("A link was shared")) {
            return Reply.ok("{\"description\": \"A step-by-step recipe for Lisbon custard tarts.\"}");
        }
        if (r.body().contains("Write the alt text")) {
            return Reply.ok("{\"alt\": \"A tiny red square\"}");
        }
        return Reply.ok(FakeModelServer.GOOD);
    }

    private LlmWriter writer(FakeModelServer server, boolean allowPrivate) {
        return LlmWriters.create(new EgregoraConfig.Writer("openai", "llama3.1", server.baseUrl(), "", 0), Map.of(),
                site, LlmWriterTest.FAST, new Enrichment.Settings(true, true,
                        new LinkFetcher(new UrlGuard(allowPrivate), Duration.ofSeconds(5))));
    }

    @Test
    void linksAndImagesAreDescribedOnceAndReachThePromptAndThePost() throws Exception {
        String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/recipe";
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> answer(r))) {
            Post post = writer(server, true).write(window(url));

            List<FakeModelServer.Received> calls = server.received();
            assertThat(calls).hasSize(3);
            assertThat(calls.get(0).body()).contains("Pastel de nata recipe").contains("Custard tarts from Belem");
            assertThat(calls.get(1).body()).contains("image/png").contains(Base64.getEncoder().encodeToString(PNG));
            assertThat(calls.get(2).body()).contains("A step-by-step recipe for Lisbon custard tarts.")
                    .contains("shows: A tiny red square");
            assertThat(post.bodyMarkdown()).contains("![A tiny red square](media/ab/abcd.png)");
            assertThat(pageHits).hasValue(1);

            // another writer on the same site: everything from the cache, no page fetched, no model call
            writer(server, true).write(window(url));
            assertThat(server.received()).hasSize(3);
            assertThat(pageHits).hasValue(1);
        }
    }

    @Test
    void aLoopbackLinkIsNotFetchedUnlessPrivateNetworksAreAllowed() throws Exception {
        String url = "http://127.0.0.1:" + pages.getAddress().getPort() + "/recipe";
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> answer(r))) {
            writer(server, false).write(window(url));
            assertThat(pageHits).hasValue(0);
            assertThat(server.received()).noneMatch(r -> r.body().contains("A link was shared"));
            assertThat(server.received().get(server.received().size() - 1).body())
                    .doesNotContain("custard tarts");
        }
    }

    @Test
    void withoutEnrichmentTheWriterMakesOneCall() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> answer(r))) {
            Post post = LlmWriterTest.openAi(server, site, LlmWriterTest.FAST).write(window("https://example.com/x"));
            assertThat(server.received()).hasSize(1);
            assertThat(post.bodyMarkdown()).contains("![image](media/ab/abcd.png)");
        }
    }
}
