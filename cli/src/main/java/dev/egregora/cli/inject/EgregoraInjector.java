package dev.egregora.cli.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.egregora.core.inject.CoreModule;
import dev.egregora.etl.inject.EtlModule;
import dev.egregora.git.inject.GitHistoryModule;
import dev.egregora.site.inject.SiteModule;
import dev.egregora.windowing.inject.WindowingModule;
import dev.egregora.writer.inject.WriterModule;

import java.util.ArrayList;
import java.util.List;

/** The one composition root: every module's bindings in one injector. */
public final class EgregoraInjector {
    private EgregoraInjector() {
    }

    /** The modules of a full application, in dependency order. */
    public static List<Module> modules() {
        return List.of(new CoreModule(), new EtlModule(), new WindowingModule(), new WriterModule(),
                new SiteModule(), new GitHistoryModule());
    }

    /**
     * Creates the application injector. {@code overrides} replace the modules' bindings of the same keys (e.g. the
     * {@code PostWriter} the user chose with {@code --writer}).
     */
    public static Injector create(Module... overrides) {
        List<Module> all = new ArrayList<>(modules());
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
            }
        });
        return Guice.createInjector(Stage.PRODUCTION, Modules.override(all).with(overrides));
    }
}
