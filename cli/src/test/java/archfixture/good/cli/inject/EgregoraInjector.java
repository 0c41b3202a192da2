package archfixture.good.cli.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;

public final class EgregoraInjector {
    private EgregoraInjector() {
    }

    public static Injector create() {
        Object etl = new archfixture.good.etl.EtlPort();
        Object site = new archfixture.good.site.SitePort();
        return Guice.createInjector(binder -> binder.bind(Object.class).toInstance(etl.toString() + site));
    }
}
