package dev.egregora.etl.inject;

import com.google.inject.AbstractModule;

/** The pipeline-etl module's bindings. */
public final class EtlModule extends AbstractModule {
    @Override
    protected void configure() {
        // bindings arrive with the module's implementation
    }
}
