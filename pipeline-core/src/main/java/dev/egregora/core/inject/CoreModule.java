package dev.egregora.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.pipeline.WritePipeline;
import dev.egregora.core.port.PostStage;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.WorkspaceOpener;

import java.time.Clock;

/** Core bindings: the workspace opener, core's migrations, the write pipeline, the clock. */
public final class CoreModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<Migration> migrations = Multibinder.newSetBinder(binder(), Migration.class);
        CoreSchema.migrations().forEach(m -> migrations.addBinding().toInstance(m));
        Multibinder.newSetBinder(binder(), PostStage.class); // related posts, top posts: bound by their modules
        bind(WorkspaceOpener.class);
        bind(WritePipeline.class);
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}
