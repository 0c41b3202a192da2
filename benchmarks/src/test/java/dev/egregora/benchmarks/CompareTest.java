package dev.egregora.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompareTest {

    private static String result(String name, String mode, double score, double low, double high) {
        return """
                {"benchmark": "%s", "mode": "%s", "params": {"size": "10"},
                 "primaryMetric": {"score": %s, "scoreConfidence": [%s, %s], "scoreUnit": "ms/op"}}"""
                .formatted(name, mode, score, low, high);
    }

    @Test
    void flagsOnlyRegressionsBeyondTheThresholdWithDisjointIntervals(@TempDir Path dir) throws Exception {
        Path old = Files.writeString(dir.resolve("old.json"), "[" + String.join(",",
                result("a.Slower", "avgt", 10, 9.5, 10.5),
                result("a.Noisy", "avgt", 10, 5, 15),
                result("a.Faster", "avgt", 10, 9.5, 10.5),
                result("a.LessThroughput", "thrpt", 1000, 990, 1010)) + "]");
        Path now = Files.writeString(dir.resolve("new.json"), "[" + String.join(",",
                result("a.Slower", "avgt", 13, 12.5, 13.5),
                result("a.Noisy", "avgt", 13, 8, 18),
                result("a.Faster", "avgt", 5, 4.5, 5.5),
                result("a.LessThroughput", "thrpt", 700, 690, 710)) + "]");
        List<Compare.Row> rows = Compare.compare(Compare.read(old), Compare.read(now), 0.10);
        assertThat(rows).hasSize(4);
        assertThat(rows).filteredOn(Compare.Row::regression).extracting(r -> r.key().split(" ")[0])
                .containsExactlyInAnyOrder("a.Slower", "a.LessThroughput");
        assertThat(rows).filteredOn(Compare.Row::improvement).extracting(r -> r.key().split(" ")[0])
                .containsExactly("a.Faster");
        Compare.Row slower = rows.get(0);
        assertThat(slower.ratio()).isEqualTo(1.3);
        assertThat(slower.ratioLow()).isEqualTo(12.5 / 10.5);
    }
}
