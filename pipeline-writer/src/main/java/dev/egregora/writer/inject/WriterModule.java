package dev.egregora.writer.inject;

import com.google.inject.AbstractModule;
import dev.egregora.core.port.PostWriter;
import dev.egregora.core.port.ProfileWriter;
import dev.egregora.writer.offline.OfflineWriter;
import dev.egregora.writer.profile.OfflineProfileWriter;

/** The pipeline-writer module's bindings: the offline writer and the offline profile writer, as singletons. */
public final class WriterModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OfflineWriter.class).in(com.google.inject.Singleton.class);
        bind(PostWriter.class).to(OfflineWriter.class);
        bind(OfflineProfileWriter.class).in(com.google.inject.Singleton.class);
        bind(ProfileWriter.class).to(OfflineProfileWriter.class);
    }
}
