package dev.egregora.writer.memory;

import dev.egregora.core.model.Post;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.RelatedPostStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code related} stage against a real DuckDB workspace, with both methods. */
class RelatedPostsTest {
    private static PostEmbedder embedder;

    @TempDir
    Path site;
    private Workspace ws;

    @BeforeAll
    static void loadModel() {
        embedder = new PostEmbedder();
    }

    @BeforeEach
    void open() {
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.add(PostMemory.MIGRATION);
        ws = Workspace.open(site, migrations);
        new PostStore(ws).commit(List.of(
                post("lisbon-1", 1, "Planning a trip to Lisbon", "Flights to Lisbon, a flat in Alfama", "lisbon"),
                post("paella", 2, "Paella night", "Seafood paella with prawns, market", "cooking"),
                post("lisbon-2", 3, "Back from Lisbon", "Tram 28 and the view over Alfama", "lisbon"),
                post("derby", 4, "The derby", "Two to one after extra time", "football")), List.of(), "r", Instant.now());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static Post post(String id, int day, String title, String summary, String tag) {
        Instant date = Instant.parse("2025-03-01T10:00:00Z").plusSeconds(86_400L * day);
        return new Post(id, id, "sig-" + id, title, summary, date, date.plusSeconds(600), List.of(tag), List.of(),
                List.of(), "en", summary + "\n", "offline");
    }

    @Test
    void termsFillRelatedPostsWithSharedTopicsOnly() throws Exception {
        long rows = new RelatedPosts(MemorySettings.DEFAULTS, () -> {
            throw new AssertionError("the term method must not load the embedding model");
        }).run(ws);
        assertThat(rows).isEqualTo(2);
        assertThat(table()).containsExactly("lisbon-1>lisbon-2#1 tags", "lisbon-2>lisbon-1#1 tags");
    }

    @Test
    void embeddingsRelateEveryPostAndARunEmbedsOnlyWhatChanged() throws Exception {
        RelatedPosts stage = new RelatedPosts(new MemorySettings(MemorySettings.Method.EMBEDDINGS, 2, 3),
                () -> embedder);
        assertThat(stage.run(ws)).isEqualTo(8);
        assertThat(table()).hasSize(8).contains("lisbon-1>lisbon-2#1 embeddings", "lisbon-2>lisbon-1#1 embeddings");
        assertThat(new PostMemory(ws, embedder).index()).isZero();

        ws.execute("DELETE FROM posts WHERE id = 'derby'");
        assertThat(stage.run(ws)).isEqualTo(6);
        assertThat(table()).noneMatch(r -> r.contains("derby"));
    }

    @Test
    void offLeavesTheTableEmpty() throws Exception {
        new RelatedPosts(MemorySettings.DEFAULTS, () -> embedder).run(ws);
        new RelatedPosts(new MemorySettings(MemorySettings.Method.OFF, 5, 3), () -> embedder).run(ws);
        assertThat(table()).isEmpty();
        assertThat(new RelatedPostStore(ws).of("lisbon-1")).isEmpty();
    }

    private List<String> table() throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(
                "SELECT post_id || '>' || related_id || '#' || rank || ' ' || method FROM related_posts "
                        + "ORDER BY post_id, rank")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
