package dev.egregora.benchmarks.etl;

import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.sample.SampleExport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * WhatsApp parser throughput on a synthetic export ({@link SampleExport}, Android dd/mm/yyyy 24 h, 1M messages,
 * ~70 MB): the date-order pass plus the full parse, from bytes in memory. MB/s = file MB / score; messages/s =
 * messages / score. The npm oracle's number on the same file comes from {@code scripts/oracle/compare.sh bench}.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.etl.ParserBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParserBenchmark {
    @Param("1000000")
    int messages;

    private byte[] chat;
    private final ChatParser parser = ChatParser.standard();

    @Setup
    public void generate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(messages * 80);
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            SampleExport.writeText(w, SampleExport.Options.defaults().withMessages(messages).withMediaPerMille(0));
        }
        chat = out.toByteArray();
    }

    @Benchmark
    public long detectAndParse() throws IOException {
        DateOrder order = parser.detectDateOrder(new ByteArrayInputStream(chat));
        long[] n = {0};
        parser.parse(new ByteArrayInputStream(chat), order, m -> n[0] += m.text().length());
        return n[0];
    }
}
