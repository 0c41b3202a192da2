package dev.egregora.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartTest {

    private static final String RESULTS = """
            [
              {"benchmark": "dev.egregora.benchmarks.windowing.WindowCutterBenchmark.cut", "mode": "avgt",
               "params": {"messages": "10000", "unit": "DAYS"},
               "primaryMetric": {"score": 0.007, "scoreUnit": "ms/op"}},
              {"benchmark": "dev.egregora.benchmarks.windowing.WindowCutterBenchmark.cut", "mode": "avgt",
               "params": {"messages": "100000", "unit": "DAYS"},
               "primaryMetric": {"score": 0.051, "scoreUnit": "ms/op"}},
              {"benchmark": "dev.egregora.benchmarks.windowing.WindowCutterBenchmark.cut", "mode": "avgt",
               "params": {"messages": "10000", "unit": "HOURS"},
               "primaryMetric": {"score": 0.010, "scoreUnit": "ms/op"}},
              {"benchmark": "dev.egregora.benchmarks.windowing.WindowCutterBenchmark.cut", "mode": "avgt",
               "params": {"messages": "1000", "unit": "DAYS"},
               "primaryMetric": {"score": 0.0, "scoreUnit": "ms/op"}},
              {"benchmark": "dev.egregora.benchmarks.site.CardBenchmark.render", "mode": "avgt",
               "params": {"encoder": "PNGENCODER"},
               "primaryMetric": {"score": 218.0, "scoreUnit": "ms/op"}}
            ]""";

    @Test
    void onePointPerPositiveResultWithTheParameterGroupedBySeries() throws Exception {
        List<Chart.Point> points = Chart.points(new ObjectMapper().readTree(RESULTS), "messages");
        assertThat(points).containsExactly(
                new Chart.Point("WindowCutterBenchmark.cut unit=DAYS", 10_000, 0.007, "ms/op"),
                new Chart.Point("WindowCutterBenchmark.cut unit=DAYS", 100_000, 0.051, "ms/op"),
                new Chart.Point("WindowCutterBenchmark.cut unit=HOURS", 10_000, 0.010, "ms/op"));
        assertThat(Chart.points(new ObjectMapper().readTree(RESULTS), "posts")).isEmpty();
    }

    @Test
    void drawsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("charts/scaling.png");
        Chart.write(Chart.points(new ObjectMapper().readTree(RESULTS), "messages"), "messages", "Windowing", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
    }
}
