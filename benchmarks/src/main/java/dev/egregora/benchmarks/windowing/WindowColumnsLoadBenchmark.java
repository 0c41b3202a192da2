package dev.egregora.benchmarks.windowing;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.port.Windower;
import dev.egregora.windowing.ColumnarWindower;
import dev.egregora.windowing.store.MessageColumns;
import dev.egregora.windowing.store.MessageColumnsReader;
import dev.egregora.windowing.store.WindowTable;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loading the windowing columns from a real DuckDB site in ONE query (user messages of authors who did not opt
 * out, joined to {@code authors}, ordered by chat, ts, seq): timestamps and byte lengths only ({@code digests=false})
 * and with the per-message content digest that signatures need ({@code digests=true}). 20 authors, one of them opted
 * out; 2% system messages.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.windowing.WindowColumnsLoadBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WindowColumnsLoadBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int messages;

    @Param({"false", "true"})
    public boolean digests;

    private Path site;
    private Workspace workspace;
    private final MessageColumnsReader reader = new MessageColumnsReader();
    private final ColumnarWindower windower = new ColumnarWindower(reader, new WindowTable());

    @Setup(Level.Trial)
    public void createSite() throws IOException {
        site = Files.createTempDirectory("egregora-bench-windowing");
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.addAll(WindowTable.migrations());
        workspace = Workspace.open(site, migrations);
        workspace.execute("INSERT INTO authors SELECT 'u' || i, 'chat', 'Pseudonym ' || i, 'Real ' || i, NULL, i = 7 "
                + "FROM range(20) t(i)");
        // ids and id_hash as ingest writes them: 32 hex digits, and their first 63 bits (core-v4)
        workspace.execute("INSERT INTO messages (id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line, "
                + "id_hash) SELECT id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line, "
                + "(('0x' || left(id, 16))::UBIGINT >> 1)::BIGINT FROM ("
                + "SELECT md5(i::VARCHAR), 'chat', TIMESTAMP '2024-01-01' + to_seconds(i * 37), i, 'u' || (hash(i) % 20), "
                + "CASE WHEN i % 50 = 0 THEN 'system' ELSE 'user' END, repeat('palavra ', (i % 30)::INT + 1), "
                + "8 * ((i % 30) + 1), i FROM range(" + messages + ") t(i)) "
                + "t(id, chat_id, ts, seq, author_id, kind, text, text_bytes, source_line)");
        workspace.execute("CHECKPOINT");
    }

    @TearDown(Level.Trial)
    public void deleteSite() throws IOException {
        workspace.close();
        try (Stream<Path> files = Files.walk(site)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int load() {
        MessageColumns columns = reader.read(workspace, digests);
        return columns.size();
    }

    /**
     * The whole {@code Windower.computeWindows}: load with digests, cut (100 messages, overlap 0.2), sign, and
     * replace the {@code windows} table in one transaction. Only meaningful with {@code digests=true}.
     */
    @Benchmark
    public int computeWindows() {
        if (!digests) {
            return 0;
        }
        return windower.computeWindows(workspace, new Windower.Spec(Windower.Unit.MESSAGES, 100, 0.2, null, null,
                "offline/1")).size();
    }
}
