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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Orchestration cost of the LLM writer per window against a zero-latency OpenAI-compatible server on loopback:
 * prompt rendering, LangChain4j request/response mapping, the HTTP round trip, JSON validation and the atomic cache
 * write ({@code freshWindow}); and a re-run answered from the response cache ({@code cachedWindow}).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.llm.LlmWriterBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LlmWriterBenchmark {
    private LoopbackModel server;
    private Path site;
    private LlmWriter writer;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = new LoopbackModel(0, 4);
        site = Files.createTempDirectory("egregora-bench-llm");
        writer = LlmWriters.create(new EgregoraConfig.Writer("openai", "bench", server.baseUrl(), "", 0), Map.of(),
                site, LlmOptions.DEFAULTS.withRequestsPerMinute(0).withTimeout(Duration.ofSeconds(10)));
        writer.write(BenchWindows.window(-1)); // the cached window
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.close();
        BenchWindows.delete(site);
    }

    @Benchmark
    public Post freshWindow() {
        return writer.write(BenchWindows.window(next.getAndIncrement()));
    }

    @Benchmark
    public Post cachedWindow() {
        return writer.write(BenchWindows.window(-1));
    }
}
