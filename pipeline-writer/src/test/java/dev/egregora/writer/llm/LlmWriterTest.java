package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Message;
import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.writer.Chats;
import dev.egregora.writer.llm.FakeModelServer.Reply;
import dev.egregora.writer.llm.FakeModelServer.Wire;
import dev.egregora.writer.memory.WriterMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmWriterTest {
    static final LlmOptions FAST = new LlmOptions(Duration.ofSeconds(5), 4, Duration.ofMillis(5), Duration.ofMillis(50),
            0, 0.2);
    static final String KEY = "sk-test-SECRET-123";

    @TempDir
    Path site;

    static LlmWriter openAi(FakeModelServer server, Path site, LlmOptions options) {
        return LlmWriters.create(new EgregoraConfig.Writer("openai", "llama3.1", server.baseUrl(), "", 0),
                Map.of("OPENAI_API_KEY", KEY), site, options);
    }

    static LlmWriter gemini(FakeModelServer server, Path site, LlmOptions options) {
        return LlmWriters.create(new EgregoraConfig.Writer("gemini", "gemini-2.5-flash", server.baseUrl(), "", 0),
                Map.of("GEMINI_API_KEY", KEY), site, options);
    }

    static WindowContent lisbon(String chat) {
        List<Message> messages = Chats.parse(chat, Chats.ENGLISH);
        return Chats.window(messages);
    }

    @Test
    void openAiWritesAValidatedPostFromOneRequest() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            LlmWriter writer = openAi(server, site, FAST);
            WindowContent w = lisbon("c1");
            writer.prepare(w.messages());
            Post post = writer.write(w);

            assertThat(post.id()).isEqualTo("c1:0");
            assertThat(post.title()).isEqualTo("Planning the Lisbon trip");
            assertThat(post.slug()).isEqualTo("2025-03-14-lisbon-trip-plans");
            assertThat(post.tags()).containsExactly("travel", "lisbon");
            assertThat(post.bodyMarkdown()).contains("## Plans");
            assertThat(post.writer()).isEqualTo("openai:llama3.1");
            assertThat(post.signature()).isEqualTo(w.window().signature());
            assertThat(post.authorIds()).containsExactlyInAnyOrder(Chats.AMBER.id(), Chats.OWL.id(), Chats.MOTH.id());
            assertThat(post.language()).isEqualTo("en");
            assertThat(writer.usage("c1:0")).contains(new TokenCount(100, 20, false));

            FakeModelServer.Received r = server.received().get(0);
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.body()).containsPattern("\"model\"\\s*:\\s*\"llama3.1\"").contains("json_object")
                    .contains("Flights booked");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void geminiSpeaksGenerateContent() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.GEMINI, FakeModelServer.GOOD)) {
            LlmWriter writer = gemini(server, site, FAST);
            Post post = writer.write(lisbon("g1"));

            assertThat(post.title()).isEqualTo("Planning the Lisbon trip");
            assertThat(post.writer()).isEqualTo("gemini:gemini-2.5-flash");
            assertThat(writer.usage("g1:0")).contains(new TokenCount(100, 20, false));
            FakeModelServer.Received r = server.received().get(0);
            assertThat(r.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
            assertThat(r.header("x-goog-api-key")).isEqualTo(KEY);
            assertThat(r.body()).contains("application/json").contains("Flights booked");
        }
    }

    @Test
    void thePromptCarriesPseudonymsAndMaskedTextOnly() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            LlmWriter writer = openAi(server, site, FAST);
            List<Message> messages = Chats.parse("p1", """
                    A|0|call me on [phone] or mail [email], the plan is on
                    B|1|ok, sending the plan now
                    """);
            writer.write(Chats.window(messages));

            String body = server.received().get(0).body();
            // display names: the pseudonym, or the alias the author chose ("Captain" instead of "Blue Owl")
            assertThat(body).contains("Amber Fox").contains("Captain").doesNotContain("Blue Owl");
            assertThat(body).doesNotContain(Chats.AMBER.id()).doesNotContain(Chats.OWL.id());
            assertThat(body).doesNotContainPattern("\\+\\d[\\d ()-]{6,}\\d|\\d{9,}");
            assertThat(body).contains("[phone]").contains("[email]");
        }
    }

    @Test
    void a429StormIsRetriedHonouringRetryAfter() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> n < 5
                ? Reply.status(429, Map.of("Retry-After", "0")) : Reply.ok(FakeModelServer.GOOD))) {
            LlmWriter writer = openAi(server, site, FAST.withRetries(8, Duration.ofMillis(5), Duration.ofMillis(20)));
            Post post = writer.write(lisbon("r1"));

            assertThat(post.title()).isEqualTo("Planning the Lisbon trip");
            assertThat(server.received()).hasSize(6);
        }
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsOneLine() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> Reply.status(503, Map.of()))) {
            LlmWriter writer = openAi(server, site, FAST.withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5)));

            assertThatThrownBy(() -> writer.write(lisbon("e1"))).isInstanceOf(EgregoraException.class)
                    .hasMessageStartingWith("window e1:0: model call failed (openai:llama3.1)")
                    .hasMessageNotContaining(KEY).hasMessageNotContaining("\n");
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> Reply.status(401, Map.of()))) {
            LlmWriter writer = openAi(server, site, FAST);

            assertThatThrownBy(() -> writer.write(lisbon("e2"))).isInstanceOf(EgregoraException.class)
                    .hasMessageContaining("status 401").hasMessageNotContaining(KEY);
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void malformedJsonIsRepairedOnce() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> n == 0
                ? Reply.ok("Sure! Here is your post: {title: 'Lisbon'") : Reply.ok(FakeModelServer.GOOD))) {
            LlmWriter writer = openAi(server, site, FAST);
            Post post = writer.write(lisbon("m1"));

            assertThat(post.title()).isEqualTo("Planning the Lisbon trip");
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(1).body()).contains("Your answer was not valid")
                    .contains("Sure! Here is your post");
            assertThat(writer.usage("m1:0")).contains(new TokenCount(200, 40, false));
        }
    }

    @Test
    void anAnswerStillInvalidAfterTheRepairFailsThatWindow() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI,
                "{\"title\": \"x\", \"slug\": \"x\", \"summary\": \"s\", \"tags\": \"not-a-list\", \"body\": \"b\"}")) {
            LlmWriter writer = openAi(server, site, FAST);

            assertThatThrownBy(() -> writer.write(lisbon("m2"))).isInstanceOf(EgregoraException.class)
                    .hasMessage("window m2:0: the model's answer is invalid after one repair: "
                            + "\"tags\" must be an array of strings");
            assertThat(server.received()).hasSize(2);
            assertThat(Files.exists(site.resolve(".egregora/cache/llm"))).isFalse();
        }
    }

    @Test
    void aSlowServerTimesOutAndTheWindowFails() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI,
                (r, n) -> Reply.ok(FakeModelServer.GOOD).delayed(2_000))) {
            LlmWriter writer = openAi(server, site, FAST.withTimeout(Duration.ofMillis(200))
                    .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5)));

            assertThatThrownBy(() -> writer.write(lisbon("t1"))).isInstanceOf(EgregoraException.class)
                    .hasMessageContaining("timed out after 200 ms");
            // the second attempt may reach a loaded server after the client gave up on it: wait for it, bounded
            for (int i = 0; i < 50 && server.received().size() < 2; i++) {
                Thread.sleep(100);
            }
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void aRerunIsServedFromTheCacheAndAPromptOverrideChangesTheFingerprint() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            LlmWriter first = openAi(server, site, FAST);
            Post a = first.write(lisbon("k1"));
            LlmWriter second = openAi(server, site, FAST);
            Post b = second.write(lisbon("k1"));

            assertThat(b).isEqualTo(a);
            assertThat(server.received()).hasSize(1);
            assertThat(second.usage("k1:0")).contains(new TokenCount(0, 0, true));
            assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).doesNotContain(KEY);

            Files.createDirectories(site.resolve(".egregora/prompts"));
            Files.writeString(site.resolve(WriterPrompt.OVERRIDE), "Write a haiku post.\n{{transcript}}\n");
            LlmWriter custom = openAi(server, site, FAST);
            custom.write(lisbon("k1"));

            assertThat(custom.fingerprint()).isNotEqualTo(first.fingerprint());
            assertThat(server.received()).hasSize(2);
            assertThat(server.received().get(1).body()).contains("Write a haiku post.");
        }
    }

    @Test
    void aServerThatDiesMidRunLosesNothing() throws Exception {
        List<WindowContent> windows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            windows.add(lisbon("d" + i));
        }
        List<Post> firstRun = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            LlmWriter writer = openAi(server, site, FAST.withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5)));
            for (int i = 0; i < windows.size(); i++) {
                if (i == 3) {
                    server.close(); // dies after three windows
                }
                try {
                    firstRun.add(writer.write(windows.get(i)));
                } catch (EgregoraException e) {
                    assertThat(e).hasMessageContaining("cannot reach the model server");
                    failed.add(windows.get(i).window().id());
                }
            }
        }
        assertThat(firstRun).hasSize(3);
        assertThat(failed).containsExactly("d3:0", "d4:0", "d5:0");

        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            LlmWriter writer = openAi(server, site, FAST);
            List<Post> secondRun = new ArrayList<>();
            for (WindowContent w : windows) {
                secondRun.add(writer.write(w));
            }
            assertThat(secondRun.subList(0, 3)).isEqualTo(firstRun);
            assertThat(secondRun).hasSize(6);
            assertThat(server.received()).hasSize(3); // only the three that failed are paid for
        }
    }

    @Test
    void windowsAreWrittenInParallelByOneWriter() throws Exception {
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI,
                (r, n) -> Reply.ok(FakeModelServer.GOOD).delayed(50))) {
            LlmWriter writer = openAi(server, site, FAST);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Post>> futures = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    WindowContent w = lisbon("par" + i);
                    futures.add(pool.submit(() -> writer.write(w)));
                }
                for (Future<Post> f : futures) {
                    assertThat(f.get().title()).isEqualTo("Planning the Lisbon trip");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.received()).hasSize(12);
            try (var files = Files.walk(site.resolve(".egregora/cache/llm"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(12);
            }
        }
    }

    @Test
    void relatedEarlierPostsReachThePromptAndTheCacheKey() throws Exception {
        try (FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            Post earlier = new Post("old:0", "2025-02-01-first-lisbon-idea", "s", "The first Lisbon idea",
                    "Amber Fox floated a spring trip.", java.time.Instant.parse("2025-02-01T10:00:00Z"),
                    java.time.Instant.parse("2025-02-01T11:00:00Z"), List.of(), List.of(), List.of(), "en", "b\n",
                    "offline");
            LlmWriter plain = openAi(server, site, FAST);
            LlmWriter remembering = plain.withMemory(c -> new WriterMemory.Recall(List.of(earlier), Map.of()));
            remembering.write(lisbon("mem1"));
            plain.write(lisbon("mem1"));

            assertThat(server.received().get(0).body()).contains("The first Lisbon idea")
                    .contains("2025-02-01-first-lisbon-idea").contains("Amber Fox floated a spring trip.");
            assertThat(server.received()).hasSize(2); // different prompt, different cache entry
            assertThat(server.received().get(1).body()).doesNotContain("The first Lisbon idea");
        }
    }
}
