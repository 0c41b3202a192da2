package dev.egregora.benchmarks.llm;

import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.Post;
import dev.egregora.writer.llm.LlmOptions;
import dev.egregora.writer.llm.LlmWriter;
import dev.egregora.writer.llm.LlmWriters;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parallel speed-up against a model server with 200 ms latency: 16 fresh windows written by one writer on a pool of
 * {@code threads} (as the write pipeline's {@code --threads} does). Ideal: 16 x 200 ms / threads.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.llm.LlmParallelBenchmark' -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LlmParallelBenchmark {
    static final int WINDOWS = 16;

    @Param({"1", "4", "8"})
    public int threads;

    private LoopbackModel server;
    private Path site;
    private LlmWriter writer;
    private ExecutorService pool;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new LoopbackModel(200, 32);
        site = Files.createTempDirectory("egregora-bench-llm-par");
        writer = LlmWriters.create(new EgregoraConfig.Writer("openai", "bench", server.baseUrl(), "", 0), Map.of(),
                site, LlmOptions.DEFAULTS.withRequestsPerMinute(0).withTimeout(Duration.ofSeconds(10)));
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.shutdownNow();
        server.close();
        BenchWindows.delete(site);
    }

    @Benchmark
    public List<Post> sixteenWindows() throws InterruptedException, ExecutionException {
        List<Future<Post>> futures = new ArrayList<>();
        for (int i = 0; i < WINDOWS; i++) {
            long n = next.getAndIncrement();
            futures.add(pool.submit(() -> writer.write(BenchWindows.window(n))));
        }
        List<Post> out = new ArrayList<>();
        for (Future<Post> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
