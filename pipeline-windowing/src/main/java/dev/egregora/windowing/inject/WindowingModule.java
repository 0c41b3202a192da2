package dev.egregora.windowing.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.egregora.core.port.Windower;
import dev.egregora.core.store.Migration;
import dev.egregora.windowing.ColumnarWindower;
import dev.egregora.windowing.store.MessageColumnsReader;
import dev.egregora.windowing.store.WindowTable;

/** The pipeline-windowing module's bindings: the {@link Windower} and the module's staging-table migration. */
public final class WindowingModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MessageColumnsReader.class).toInstance(new MessageColumnsReader());
        bind(WindowTable.class).toInstance(new WindowTable());
        bind(ColumnarWindower.class);
        bind(Windower.class).to(ColumnarWindower.class);
        Multibinder<Migration> migrations = Multibinder.newSetBinder(binder(), Migration.class);
        WindowTable.migrations().forEach(m -> migrations.addBinding().toInstance(m));
    }
}
