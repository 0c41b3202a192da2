package dev.egregora.site.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Migration;
import dev.egregora.site.HtmlSiteRenderer;
import dev.egregora.site.store.SiteStore;

/**
 * The site generator's bindings: {@link SiteRenderer} to {@link HtmlSiteRenderer}, the module's migration, and
 * {@link RevisionDates#NONE} until the git-history module provides the real one (the
 * composition root reconciles: drop this binding there when git-history binds its implementation).
 */
public final class SiteModule extends AbstractModule {
    private final boolean bindRevisionDates;

    public SiteModule() {
        this(true);
    }

    /** @param bindRevisionDates false when another module binds {@link RevisionDates} */
    public SiteModule(boolean bindRevisionDates) {
        this.bindRevisionDates = bindRevisionDates;
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Migration.class).addBinding().toInstance(SiteStore.MIGRATION);
        bind(SiteRenderer.class).to(HtmlSiteRenderer.class);
        bind(HtmlSiteRenderer.class).in(Scopes.SINGLETON);
        if (bindRevisionDates) {
            bind(RevisionDates.class).toInstance(RevisionDates.NONE);
        }
    }
}
