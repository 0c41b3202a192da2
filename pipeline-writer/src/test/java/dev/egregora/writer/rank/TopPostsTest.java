package dev.egregora.writer.rank;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.rank.store.PostRankStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code rank} stage and stored Elo rankings against a real DuckDB workspace. */
class TopPostsTest {
    @TempDir
    Path site;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.open(site, CoreSchema.migrations());
        addPost("c:0", "two", "['a','b']");
        addPost("c:1", "three", "['a','b','c']");
        addPost("c:2", "one", "['a']");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void addPost(String id, String slug, String authors) {
        ws.execute("INSERT INTO posts VALUES ('" + id + "','" + slug + "','s','" + slug + "','s',"
                + "TIMESTAMP '2025-01-01 10:00:00',TIMESTAMP '2025-01-01 10:05:00',[]," + authors
                + ",[],'en','b','offline')");
    }

    @Test
    void theStageWritesTheOfflineRankingOfEveryPost() {
        assertThat(new TopPosts(new OfflineRank()).run(ws)).isEqualTo(3);
        List<PostRankStore.Row> ranks = new PostRankStore(ws).ranks();
        // more participants score higher (the posts have no windows: every other signal is 0)
        assertThat(ranks).extracting(r -> r.rank() + ":" + r.slug() + ":" + r.method())
                .containsExactly("1:three:offline", "2:two:offline", "3:one:offline");
        assertThat(ranks.get(0).score()).isEqualTo(2.0 * Math.log(4));
    }

    @Test
    void anEloRankingIsKeptUntilThePostsChange() {
        TopPosts stage = new TopPosts(new OfflineRank());
        TopPosts.storeElo(ws, List.of(Map.entry("c:2", 1530.0), Map.entry("c:0", 1500.0), Map.entry("c:1", 1470.0)));
        assertThat(stage.run(ws)).isZero();
        assertThat(new PostRankStore(ws).ranks()).extracting(PostRankStore.Row::slug)
                .containsExactly("one", "two", "three");

        addPost("c:3", "four", "['a','b','c','d']");
        assertThat(stage.run(ws)).isEqualTo(4);
        assertThat(new PostRankStore(ws).ranks()).extracting(r -> r.slug() + ":" + r.method())
                .containsExactly("four:offline", "three:offline", "two:offline", "one:offline");
    }
}
