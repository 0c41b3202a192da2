package dev.egregora.benchmarks.site;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.store.SiteStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Workspaces for the site benchmarks. */
final class SiteFixtures {
    private SiteFixtures() {
    }

    static Workspace open(Path site) {
        List<Migration> m = new ArrayList<>(CoreSchema.migrations());
        m.add(SiteStore.MIGRATION);
        return Workspace.open(site, m);
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
