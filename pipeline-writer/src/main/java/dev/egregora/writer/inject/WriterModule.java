package dev.egregora.writer.inject;

import com.google.inject.AbstractModule;

/** The pipeline-writer module's bindings. */
public final class WriterModule extends AbstractModule {
    @Override
    protected void configure() {
        // bindings arrive with the module's implementation
    }
}
