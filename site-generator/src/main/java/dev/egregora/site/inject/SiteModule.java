package dev.egregora.site.inject;

import com.google.inject.AbstractModule;

/** The site-generator module's bindings. */
public final class SiteModule extends AbstractModule {
    @Override
    protected void configure() {
        // bindings arrive with the module's implementation
    }
}
