package dev.egregora.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark once, in-process, on the smallest inputs, so that none silently breaks. Timings are not
 * looked at; {@code ./bench} measures.
 */
class BenchmarksSmokeTest {

    /** Small values for the size parameters the suites use; a parameter not named here keeps its first value. */
    static final Map<String, String> SMALL = Map.ofEntries(
            Map.entry("messages", "1000"),
            Map.entry("posts", "50"),
            Map.entry("commits", "50"),
            Map.entry("paths", "100"),
            Map.entry("windows", "20"),
            Map.entry("size", "1000"),
            Map.entry("cards", "5"));

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        Set<String> listed = listedBenchmarks();
        assertThat(listed).isNotEmpty();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.egregora\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(1))
                .mode(Mode.SingleShotTime)
                .threads(1)
                .shouldFailOnError(true);
        SMALL.forEach(options::param);
        Collection<RunResult> results = new Runner(options.build()).run();
        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ran).containsExactlyInAnyOrderElementsOf(listed);
    }

    private static Set<String> listedBenchmarks() throws IOException {
        try (InputStream in = BenchmarksSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("JMH annotation processing produced META-INF/BenchmarkList").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank())
                    .map(l -> l.split(" "))
                    .map(t -> t[3] + "." + t[9])
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
