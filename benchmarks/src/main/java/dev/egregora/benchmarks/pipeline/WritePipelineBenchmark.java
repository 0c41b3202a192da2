package dev.egregora.benchmarks.pipeline;

import com.google.inject.Injector;
import dev.egregora.cli.inject.EgregoraInjector;
import dev.egregora.core.pipeline.Progress;
import dev.egregora.core.pipeline.WritePipeline;
import dev.egregora.core.pipeline.WriteReport;
import dev.egregora.core.pipeline.WriteRequest;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.port.Windower;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import dev.egregora.etl.sample.SampleExport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The write pipeline end to end (ingest, windows, posts, profiles; the site build has its own suite) on a synthetic
 * export, cold into a fresh site, and the no-change re-run that the journal makes nearly free. Windows of 100
 * messages with the offline writer on all cores.
 *
 * <p>{@code ./bench pipeline}; the 1M-message run with the per-stage split is {@code benchmarks/scripts/pipeline.sh}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WritePipelineBenchmark {

    @Param({"10000", "100000"})
    public int messages;

    private Path dir;
    private Path export;
    private Injector injector;
    private WritePipeline pipeline;
    private Path site;
    private Path doneSite;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("egregora-bench-pipeline");
        export = dir.resolve("chat.zip");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
            SampleExport.writeZip(out, SampleExport.Options.defaults().withMessages(messages));
        }
        injector = EgregoraInjector.create();
        pipeline = injector.getInstance(WritePipeline.class);
        doneSite = dir.resolve("done");
        run(doneSite);
    }

    @Setup(Level.Iteration)
    public void freshSite() throws IOException {
        site = Files.createTempDirectory(dir, "site");
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public WriteReport coldWrite() {
        return run(site);
    }

    @Benchmark
    public WriteReport noChangeRerun() {
        return run(doneSite);
    }

    private WriteReport run(Path target) {
        try (Workspace ws = injector.getInstance(WorkspaceOpener.class).open(target)) {
            return pipeline.run(ws, request(), Progress.NONE);
        }
    }

    private WriteRequest request() {
        return new WriteRequest(
                new InputAdapter.Request(export, ZoneOffset.UTC, InputAdapter.DateOrder.AUTO, true),
                new Windower.Spec(Windower.Unit.MESSAGES, 100, 0, null, Duration.ofHours(6), ""),
                (SiteRenderer.Request) null, Runtime.getRuntime().availableProcessors(), false);
    }
}
