package dev.egregora.etl.inject;

import com.google.inject.AbstractModule;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.etl.WhatsAppInputAdapter;

/** The pipeline-etl module's bindings: the WhatsApp input adapter behind {@link InputAdapter}. */
public final class EtlModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(WhatsAppInputAdapter.class);
        bind(InputAdapter.class).to(WhatsAppInputAdapter.class);
    }
}
