package dev.egregora.site;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.store.SiteStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens workspaces with core's and this module's migrations. */
final class TestSites {
    private TestSites() {
    }

    static Workspace open(Path site) {
        List<Migration> m = new ArrayList<>(CoreSchema.migrations());
        m.add(SiteStore.MIGRATION);
        return Workspace.open(site, m);
    }
}
