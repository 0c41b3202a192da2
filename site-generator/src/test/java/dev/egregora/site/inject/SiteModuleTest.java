package dev.egregora.site.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Migration;
import dev.egregora.site.HtmlSiteRenderer;
import dev.egregora.site.store.SiteStore;
import dev.egregora.core.port.SiteRevisions;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SiteModuleTest {
    @Test
    void bindsTheRendererAndMigrationUnderStrictWiring() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                install(new SiteModule());
                bind(SiteRevisions.class).toInstance(SiteRevisions.NONE);
            }
        });
        assertThat(injector.getInstance(SiteRenderer.class)).isInstanceOf(HtmlSiteRenderer.class)
                .isSameAs(injector.getInstance(SiteRenderer.class));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Migration>>() { })))
                .contains(SiteStore.MIGRATION);
    }
}
