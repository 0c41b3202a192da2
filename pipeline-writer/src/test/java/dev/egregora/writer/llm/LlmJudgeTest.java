package dev.egregora.writer.llm;

import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Post;
import dev.egregora.writer.llm.FakeModelServer.Reply;
import dev.egregora.writer.llm.FakeModelServer.Wire;
import dev.egregora.writer.rank.EloRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LlmJudgeTest {
    @TempDir
    Path site;

    private static Post post(String id, int stars) {
        Instant d = Instant.parse("2025-01-01T00:00:00Z");
        return new Post(id, id, "s", "Stars " + stars, "summary", d, d, List.of(), List.of(), List.of(), "en",
                "body\n", "offline");
    }

    @Test
    void eloOverAModelJudgeRanksAndCachesVerdicts() throws Exception {
        // the fake model prefers the post with more stars: it reads both titles from the prompt
        try (FakeModelServer server = new FakeModelServer(Wire.OPENAI, (r, n) -> {
            String body = r.body();
            int a = Integer.parseInt(body.replaceAll("(?s).*## Post A\\\\nTitle: Stars (\\d+).*", "$1"));
            int b = Integer.parseInt(body.replaceAll("(?s).*## Post B\\\\nTitle: Stars (\\d+).*", "$1"));
            return Reply.ok(a > b ? "{\"winner\": \"A\"}" : a < b ? "{\"winner\": \"B\"}" : "{\"winner\": \"tie\"}");
        })) {
            List<Post> posts = List.of(post("p1", 3), post("p2", 9), post("p3", 1), post("p4", 5));
            LlmJudge judge = LlmWriters.judge(new EgregoraConfig.Writer("openai", "m", server.baseUrl(), "", 0),
                    Map.of(), site, posts, LlmWriterTest.FAST);
            List<String> ids = new ArrayList<>();
            posts.forEach(p -> ids.add(p.id()));

            var rated = new EloRanking(32, 10).rate(ids, judge);

            assertThat(rated).extracting(Map.Entry::getKey).containsExactly("p2", "p4", "p1", "p3");
            int paid = server.received().size();
            new EloRanking(32, 10).rate(ids, judge);
            assertThat(server.received()).hasSize(paid); // every verdict came from the cache
        }
    }

    @Test
    void unreadableVerdictsAreTies() {
        assertThat(LlmJudge.verdict("{\"winner\": \"A\"}")).isEqualTo(1.0);
        assertThat(LlmJudge.verdict("```json\n{\"winner\": \"b\"}\n```")).isEqualTo(0.0);
        assertThat(LlmJudge.verdict("{\"winner\": \"tie\"}")).isEqualTo(0.5);
        assertThat(LlmJudge.verdict("A is better")).isNaN();
        assertThat(LlmJudge.verdict("{\"winner\": \"C\"}")).isNaN();
    }
}
