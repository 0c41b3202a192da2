package dev.egregora.git.inject;

import com.google.inject.AbstractModule;

/** The git-history module's bindings. */
public final class GitHistoryModule extends AbstractModule {
    @Override
    protected void configure() {
        // bindings arrive with the module's implementation
    }
}
