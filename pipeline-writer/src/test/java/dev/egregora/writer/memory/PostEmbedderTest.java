package dev.egregora.writer.memory;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.egregora.writer.inject.WriterModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostEmbedderTest {
    /**
     * Guice's production stage builds every singleton when the injector is created; the ONNX model (some 100 MB of
     * heap) must still wait for the first embedding, or every command pays for it and {@code write} ran out of a
     * 256 MB heap before reading a single message (reliability finding F13).
     */
    @Test
    void theModelIsLoadedOnTheFirstEmbeddingNotWhenTheInjectorIsBuilt() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new WriterModule());
        PostEmbedder embedder = injector.getInstance(PostEmbedder.class);
        assertThat(embedder.loaded()).isFalse();
        assertThat(embedder.embed("a short text")).hasSize(384);
        assertThat(embedder.loaded()).isTrue();
        assertThat(injector.getInstance(PostEmbedder.class)).isSameAs(embedder);
    }
}
