package dev.egregora.benchmarks.llm;

import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.model.WindowContent;
import dev.egregora.writer.llm.LlmOptions;
import dev.egregora.writer.llm.LlmWriter;
import dev.egregora.writer.llm.LlmWriters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU time (not wall time: the machine is shared) of the LLM writer's orchestration per window against a zero-latency
 * loopback model, split by thread: the calling thread, the HTTP client's threads, and the fake server's threads (not
 * ours). Writes {@code warmup} windows twice (fresh, then cached), then {@code n} fresh windows (built before the
 * clock starts), then {@code n} cached re-runs of those windows.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.egregora.benchmarks.llm.LlmOverheadProbe 2000 2000}
 */
public final class LlmOverheadProbe {
    private LlmOverheadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path site = Files.createTempDirectory("egregora-probe-llm");
        try (LoopbackModel server = new LoopbackModel(0, 2)) {
            LlmWriter writer = LlmWriters.create(new EgregoraConfig.Writer("openai", "bench", server.baseUrl(), "", 0),
                    Map.of(), site, LlmOptions.DEFAULTS.withRequestsPerMinute(0).withTimeout(Duration.ofSeconds(10)));
            for (int i = 0; i < warmup; i++) {
                writer.write(BenchWindows.window(1_000_000 + i));
            }
            for (int i = 0; i < warmup; i++) {
                writer.write(BenchWindows.window(1_000_000 + i));
            }
            List<WindowContent> windows = new ArrayList<>(n); // built before timing: the input, not the writer's work
            for (int i = 0; i < n; i++) {
                windows.add(BenchWindows.window(i));
            }
            ThreadCpu.report("fresh", n, "window", () -> windows.forEach(writer::write));
            ThreadCpu.report("cached", n, "window", () -> windows.forEach(writer::write));
        } finally {
            BenchWindows.delete(site);
        }
    }
}
