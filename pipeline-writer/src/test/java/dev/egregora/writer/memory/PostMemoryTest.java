package dev.egregora.writer.memory;

import dev.egregora.core.model.Post;
import dev.egregora.core.model.WindowContent;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.Chats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostMemoryTest {
    private static PostEmbedder embedder;

    @TempDir
    Path site;
    private Workspace workspace;
    private PostMemory memory;

    @BeforeAll
    static void loadModel() {
        embedder = new PostEmbedder();
    }

    @BeforeEach
    void open() {
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.add(PostMemory.MIGRATION);
        workspace = Workspace.open(site, migrations);
        memory = new PostMemory(workspace, embedder);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private static Post post(String id, int day, String title, String body) {
        Instant date = Instant.parse("2025-03-01T10:00:00Z").plusSeconds(86_400L * day);
        return new Post(id, "2025-03-" + (10 + day) + "-" + id, "sig-" + id, title, title, date, date.plusSeconds(600),
                List.of(), List.of(), List.of(), "en", body + "\n", "offline");
    }

    private void store(Post... posts) {
        new PostStore(workspace).commit(List.of(posts), List.of(), "run-1", Instant.now());
    }

    @Test
    void relatedPostsComeFromTheSameVectors() {
        store(post("lisbon-1", 1, "Planning a trip to Lisbon", "Flights to Lisbon in May, an apartment in Alfama."),
                post("paella", 2, "Paella night", "Seafood paella with prawns and mussels from the market, wine."),
                post("lisbon-2", 3, "Back from Lisbon", "The tram 28, pastel de nata in Chiado and the Alfama view."),
                post("football", 4, "The derby", "The match ended two to one after extra time, what a goal."));

        assertThat(memory.index()).isEqualTo(4);
        List<PostMemory.Related> related = memory.related("lisbon-1", 3);
        assertThat(related).extracting(PostMemory.Related::postId).first().isEqualTo("lisbon-2");
        assertThat(related).hasSize(3).extracting(PostMemory.Related::postId).doesNotContain("lisbon-1");
        assertThat(related.get(0).similarity()).isGreaterThan(related.get(2).similarity());
    }

    @Test
    void indexingOnlyEmbedsNewOrChangedPostsAndForgetsRemovedOnes() {
        store(post("a", 1, "Lisbon", "trip"), post("b", 2, "Paella", "dinner"));
        assertThat(memory.index()).isEqualTo(2);
        assertThat(memory.index()).isZero();

        store(post("b", 2, "Paella again", "dinner with friends"));
        assertThat(memory.index()).isEqualTo(1);

        workspace.execute("DELETE FROM posts WHERE id = 'a'");
        assertThat(memory.index()).isZero();
        assertThat(memory.related("b", 5)).isEmpty();
    }

    @Test
    void aWindowGetsTheClosestEarlierPostsOnly() {
        // Chats.ENGLISH (the Lisbon plans) starts 2025-03-14; one related post before, one after
        store(post("before", 1, "Cheap flights to Lisbon", "Flights and an apartment with a terrace in Lisbon."),
                post("other", 2, "Board games", "We played chess and cards until midnight."),
                post("after", 20, "Lisbon photos", "The tram and the terrace in Lisbon."));
        ContextMemory context = new ContextMemory(embedder, 2);
        context.open(workspace);

        WindowContent window = Chats.window(Chats.parse("c1", Chats.ENGLISH));
        List<Post> related = context.recall(window).related();

        assertThat(related).extracting(Post::id).containsExactly("before", "other");
    }
}
