package dev.egregora.benchmarks.windowing;

import dev.egregora.core.port.Windower;
import dev.egregora.windowing.ColumnarWindower;
import dev.egregora.windowing.cut.CutSpec;
import dev.egregora.windowing.cut.Cuts;
import dev.egregora.windowing.cut.WindowCutter;
import dev.egregora.windowing.store.MessageColumns;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Window computation from primitive columns (the pure part of {@code egregora windows}), per unit, at 10k to 10M
 * messages: {@code cut} alone, and {@code cutAndSign} which also builds the {@code Window} records with their
 * SHA-256 signatures. Synthetic chat: one message every 0-600 s (bursts and pauses), with a 10 h silence every
 * ~500 messages, 10-300 bytes each.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.windowing.WindowCutterBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WindowCutterBenchmark {
    @Param({"10000", "100000", "1000000", "10000000"})
    public int messages;

    /** Defaults of each unit as a user would set them: 100 messages, 1 day, 6 h, 32 KB, conversation gap 6 h. */
    @Param({"MESSAGES", "HOURS", "DAYS", "BYTES", "CONVERSATION"})
    public Windower.Unit unit;

    private long[] ts;
    private int[] bytes;
    private MessageColumns columns;
    private WindowCutter cutter;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(42);
        ts = new long[messages];
        bytes = new int[messages];
        long[] digests = new long[messages];
        long t = 1_600_000_000_000_000L;
        for (int i = 0; i < messages; i++) {
            t += random.nextInt(600) * 1_000_000L;
            if (random.nextInt(500) == 0) {
                t += 10 * 3_600_000_000L;
            }
            ts[i] = t;
            bytes[i] = 10 + random.nextInt(290);
            digests[i] = random.nextLong();
        }
        columns = new MessageColumns(List.of("chat"), new int[]{0, messages}, ts, bytes, digests);
        long size = switch (unit) {
            case MESSAGES, CONVERSATION -> 100;
            case HOURS -> 6;
            case DAYS -> 1;
            case BYTES -> 32_000;
        };
        cutter = new WindowCutter(CutSpec.from(new Windower.Spec(unit, size, 0.2, null, Duration.ofHours(6),
                "offline/1")));
    }

    @Benchmark
    public Cuts cut() {
        return cutter.cut(ts, bytes);
    }

    @Benchmark
    public int cutAndSign() {
        return ColumnarWindower.windows(columns, cutter, "offline/1").size();
    }
}
