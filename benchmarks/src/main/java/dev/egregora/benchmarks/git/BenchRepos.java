package dev.egregora.benchmarks.git;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.sample.SampleRepository;
import dev.egregora.git.store.GitSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Sample repositories for the git benchmarks, generated once per (commits, seed) and kept under the temp dir. */
final class BenchRepos {
    static final long SEED = 42;

    private BenchRepos() {
    }

    /** {@code TMP/egregora-bench-git-COMMITS-SEED}, generated (and repacked with deltas) when missing. */
    static Path sample(int commits) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "egregora-bench-git-" + commits + "-" + SEED);
        Path done = dir.resolve("egregora-sample-complete");
        if (!Files.exists(done)) {
            delete(dir);
            SampleRepository.generate(dir, commits, SEED);
            try {
                Files.writeString(done, "ok\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Workspace workspace(Path site) {
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.addAll(GitSchema.migrations());
        return Workspace.open(site, migrations);
    }

    static Path tempSite() {
        try {
            return Files.createTempDirectory("egregora-bench-git-site");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
