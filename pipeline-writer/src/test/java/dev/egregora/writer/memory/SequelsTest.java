package dev.egregora.writer.memory;

import dev.egregora.core.model.Post;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.store.PostContinuesStore;
import dev.egregora.writer.memory.store.RelatedPostStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code sequels} stage ("Continues: ...") against a real DuckDB workspace. */
class SequelsTest {
    @TempDir
    Path site;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(site, CoreSchema.migrations());
        commit(post("a", 1, "sig-a"), post("b", 2, "sig-b"), post("c", 3, "sig-c"), post("d", 3, "sig-d"),
                post("e", 5, "sig-e"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void commit(Post... posts) {
        new PostStore(ws).commit(List.of(posts), List.of(), "r", Instant.now());
    }

    private static Post post(String id, int day, String signature) {
        Instant date = Instant.parse("2025-03-01T10:00:00Z").plusSeconds(86_400L * day);
        return new Post(id, id, signature, "Title " + id, "", date, date.plusSeconds(600), List.of(), List.of(),
                List.of(), "en", "body\n", "offline");
    }

    /** related_posts as given: "post>related" pairs, ranked in the order listed per post. */
    private void related(String... pairs) {
        List<RelatedPostStore.Row> rows = new java.util.ArrayList<>();
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (String p : pairs) {
            String[] ab = p.split(">");
            rows.add(new RelatedPostStore.Row(ab[0], ab[1], ranks.merge(ab[0], 1, Integer::sum), 0.5, "tags"));
        }
        new RelatedPostStore(ws).replace(rows);
    }

    private Map<String, String> continues() {
        return new PostContinuesStore(ws).all();
    }

    @Test
    void eachPostContinuesItsHighestRankedRelatedPostDatedBeforeIt() {
        // c: rank 1 is later (e), rank 2 same day (d, not earlier), rank 3 earlier (a), rank 4 earlier (b)
        related("c>e", "c>d", "c>a", "c>b", "b>a", "a>b", "a>c", "e>d", "e>c", "d>c");
        assertThat(new Sequels().run(ws)).isEqualTo(3);
        assertThat(continues()).containsExactly(Map.entry("b", "a"), Map.entry("c", "a"), Map.entry("e", "d"));
    }

    @Test
    void aRerunKeepsTheReferencesOfUnchangedPostsEvenWhenTheirRelatedPostsMove() {
        related("c>b", "c>a", "e>c");
        new Sequels().run(ws);
        assertThat(continues()).containsExactly(Map.entry("c", "b"), Map.entry("e", "c"));

        assertThat(new Sequels().run(ws)).isZero();
        related("c>a", "c>b", "e>d", "e>c", "b>a");
        assertThat(new Sequels().run(ws)).isEqualTo(1);
        assertThat(continues()).containsExactly(Map.entry("b", "a"), Map.entry("c", "b"), Map.entry("e", "c"));
    }

    @Test
    void aChangedPostOrAVanishedTargetIsChosenAgain() {
        related("c>b", "c>a", "e>c", "e>b");
        new Sequels().run(ws);
        related("c>a", "c>b", "e>b", "e>c");
        commit(post("c", 3, "sig-c2")); // c rewritten: picks again from the current related posts
        ws.execute("DELETE FROM posts WHERE id = 'b'");
        new Sequels().run(ws);
        assertThat(continues()).containsExactly(Map.entry("c", "a"), Map.entry("e", "c"));

        ws.execute("DELETE FROM posts WHERE id = 'c'"); // e's target and c's own row go
        new Sequels().run(ws);
        assertThat(continues()).isEmpty();
    }

    @Test
    void runsAfterTheRelatedStage() {
        assertThat(new Sequels().name()).isGreaterThan(new RelatedPosts(MemorySettings.DEFAULTS, () -> null).name());
    }
}
