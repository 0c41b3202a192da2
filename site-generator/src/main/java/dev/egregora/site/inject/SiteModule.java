package dev.egregora.site.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Migration;
import dev.egregora.site.HtmlSiteRenderer;
import dev.egregora.site.store.SiteStore;

/**
 * The site generator's bindings: {@link SiteRenderer} to {@link HtmlSiteRenderer} and the module's migration. The
 * renderer needs core's {@code SiteRevisions}, which the git-history module binds (the composition root installs
 * both).
 */
public final class SiteModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Migration.class).addBinding().toInstance(SiteStore.MIGRATION);
        bind(SiteRenderer.class).to(HtmlSiteRenderer.class);
        bind(HtmlSiteRenderer.class).in(Scopes.SINGLETON);
    }
}
