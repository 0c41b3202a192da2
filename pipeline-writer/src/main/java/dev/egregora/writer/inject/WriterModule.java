package dev.egregora.writer.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.port.PostStage;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.port.ProfileWriter;
import dev.egregora.core.store.Migration;
import dev.egregora.writer.memory.MemorySettings;
import dev.egregora.writer.memory.PostEmbedder;
import dev.egregora.writer.memory.PostMemory;
import dev.egregora.writer.memory.RelatedPosts;
import dev.egregora.writer.memory.Sequels;
import dev.egregora.writer.offline.OfflineWriter;
import dev.egregora.writer.profile.OfflineProfileWriter;
import dev.egregora.writer.rank.OfflineRank;
import dev.egregora.writer.rank.TopPosts;

/**
 * The pipeline-writer module's bindings: the offline writer and profile writer, the {@code post_vectors} migration,
 * the {@code related}, {@code rank} and
 * {@code sequels} post stages. {@link MemorySettings} defaults to term similarity; the CLI
 * overrides it from the config and flags. The embedding model is loaded only when a stage or writer asks for it.
 */
public final class WriterModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OfflineWriter.class).in(Singleton.class);
        bind(PostWriter.class).to(OfflineWriter.class);
        bind(OfflineProfileWriter.class).in(Singleton.class);
        bind(ProfileWriter.class).to(OfflineProfileWriter.class);
        bind(MemorySettings.class).toInstance(MemorySettings.DEFAULTS);
        Multibinder.newSetBinder(binder(), Migration.class).addBinding().toInstance(PostMemory.MIGRATION);
        Multibinder<PostStage> stages = Multibinder.newSetBinder(binder(), PostStage.class);
        stages.addBinding().to(RelatedPosts.class);
        stages.addBinding().to(TopPosts.class);
        stages.addBinding().toInstance(new Sequels());
    }

    @Provides
    @Singleton
    PostEmbedder embedder() {
        return new PostEmbedder();
    }

    @Provides
    @Singleton
    RelatedPosts relatedPosts(MemorySettings settings, Provider<PostEmbedder> embedder) {
        return new RelatedPosts(settings, embedder::get);
    }

    @Provides
    @Singleton
    TopPosts topPosts() {
        return new TopPosts(new OfflineRank());
    }
}
