package dev.egregora.benchmarks.etl;

import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.IngestSummary;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.EtlOptions;
import dev.egregora.etl.WhatsAppInputAdapter;
import dev.egregora.etl.sample.SampleExport;
import dev.egregora.etl.store.LoadPath;
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
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * End-to-end {@code ingest} of a synthetic 1M-message WhatsApp ZIP into a fresh on-disk DuckDB site, heap capped at
 * 512 MB, for each load path (DuckDB appender vs. a streamed CSV file read by {@code read_csv}). One ingest per
 * invocation (single shot), a fresh site each time. {@code -p mediaPerMille=5} adds ~5000 attachment files.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.etl.IngestBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {
    @Param("1000000")
    int messages;

    @Param({"APPENDER", "CSV"})
    LoadPath loadPath;

    /** Attachments per 1000 messages (each one a small JPEG/PNG in the ZIP); 0 measures the message path alone. */
    @Param("0")
    int mediaPerMille;

    private Path dir;
    private Path zip;
    private Path site;
    private WhatsAppInputAdapter adapter;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("etl-bench");
        zip = dir.resolve("export.zip");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip))) {
            SampleExport.writeZip(out, SampleExport.Options.defaults().withMessages(messages)
                    .withMediaPerMille(mediaPerMille));
        }
        adapter = new WhatsAppInputAdapter(EtlOptions.DEFAULTS.withLoadPath(loadPath));
    }

    @Setup(Level.Invocation)
    public void freshSite() throws IOException {
        site = Files.createTempDirectory(dir, "site");
    }

    @Benchmark
    public long ingest() {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(zip, ZoneId.of("Europe/Berlin"), DateOrder.AUTO, true));
            return s.messagesAdded();
        }
    }

    @TearDown(Level.Invocation)
    public void dropSite() throws IOException {
        delete(site);
    }

    @TearDown(Level.Trial)
    public void cleanup() throws IOException {
        delete(dir);
    }

    private static void delete(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
