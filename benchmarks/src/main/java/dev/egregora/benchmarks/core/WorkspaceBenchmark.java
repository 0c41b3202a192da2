package dev.egregora.benchmarks.core;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Opening an existing site (lock, DuckDB file, migration check): paid by every command that touches a site.
 *
 * <p>{@code ./bench core}
 */
@State(Scope.Benchmark)
@Fork(2)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkspaceBenchmark {
    private Path site;

    @Setup(Level.Trial)
    public void createSite() throws IOException {
        site = Files.createTempDirectory("egregora-bench-ws");
        Workspace.open(site, CoreSchema.migrations()).close();
    }

    @TearDown(Level.Trial)
    public void deleteSite() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Path openExisting() {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            return ws.site();
        }
    }
}
