package dev.egregora.writer.llm;

import dev.egregora.core.model.Post;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.Chats;
import dev.egregora.writer.llm.FakeModelServer.Wire;
import dev.egregora.writer.memory.ContextMemory;
import dev.egregora.writer.memory.PostEmbedder;
import dev.egregora.writer.memory.PostMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An LLM writer with {@link ContextMemory} over a real DuckDB workspace and the real embedding model, talking to a
 * loopback model server: what reaches the prompt.
 */
class LlmMemoryTest {
    @TempDir
    Path site;

    private static Post post(String id, String day, String title, String summary) {
        Instant date = Instant.parse(day + "T10:00:00Z");
        return new Post(id, day + "-" + id, "sig-" + id, title, summary, date, date.plusSeconds(600), List.of(),
                List.of(), List.of(), "en", summary + "\n", "offline");
    }

    @Test
    void theModelHearsOfTheClosestEarlierPostsAndTheAuthorsAndOfPostsCommittedEarlierInTheRun() throws Exception {
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.add(PostMemory.MIGRATION);
        try (Workspace ws = Workspace.open(site, migrations);
             FakeModelServer server = FakeModelServer.always(Wire.OPENAI, FakeModelServer.GOOD)) {
            new PostStore(ws).commit(List.of(
                    post("idea", "2025-02-01", "The first Lisbon idea", "A spring trip to Lisbon, flights and a flat."),
                    post("chess", "2025-02-03", "Chess night", "Three games of chess and a draw."),
                    post("later", "2025-04-01", "Lisbon photos", "Photos of Lisbon, the tram and the terrace.")),
                    List.of(), "r", Instant.now());
            ws.execute("INSERT INTO profiles VALUES ('" + Chats.AMBER.id() + "', 'Profile Name', 42, "
                    + "TIMESTAMP '2024-06-01 08:00:00', TIMESTAMP '2025-03-01 08:00:00', " + "[" + "0,".repeat(23)
                    + "0], ['lisbon','tram'], ['😂'], ['idea'], 'b')");

            LlmWriter writer = LlmWriterTest.openAi(server, site, LlmWriterTest.FAST)
                    .withMemory(new ContextMemory(new PostEmbedder(), 1));
            writer.open(ws);
            writer.write(LlmWriterTest.lisbon("c1"));

            String first = server.received().get(0).body();
            assertThat(first).contains("The first Lisbon idea").doesNotContain("Chess night")
                    .doesNotContain("Lisbon photos"); // k = 1; a post dated after the window is never offered
            assertThat(first).contains("Amber Fox: 42 messages since 2024-06; often talks about lisbon, tram; "
                    + "favourite emoji 😂").doesNotContain("Profile Name");

            // a post committed during the run (dated before the next window) is remembered and stored
            List<Post> batch = List.of(post("tram", "2025-03-10", "Tram 28 and pastel de nata in Lisbon",
                    "The tram to Alfama, flights to Lisbon and pastel de nata."));
            new PostStore(ws).commit(batch, List.of(), "r", Instant.now());
            writer.committed(batch);
            writer.write(LlmWriterTest.lisbon("c2"));
            assertThat(server.received().get(1).body()).contains("Tram 28 and pastel de nata in Lisbon");
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM post_vectors WHERE post_id = 'tram'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
