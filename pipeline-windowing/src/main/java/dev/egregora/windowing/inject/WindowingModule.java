package dev.egregora.windowing.inject;

import com.google.inject.AbstractModule;

/** The pipeline-windowing module's bindings. */
public final class WindowingModule extends AbstractModule {
    @Override
    protected void configure() {
        // bindings arrive with the module's implementation
    }
}
