package dev.egregora.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./bench compare OLD.json NEW.json [--threshold 0.10]}: every benchmark present in both JMH result files,
 * with the ratio NEW/OLD and its interval (from the 99.9% confidence intervals JMH reports). A benchmark regressed
 * when it got worse by more than the threshold and the two intervals do not overlap. Exit code 1 on a regression.
 */
public final class Compare {

    /** One benchmark's result: score and confidence interval, and whether lower is better. */
    record Score(String key, double score, double low, double high, String unit, boolean lowerIsBetter) {
    }

    /** One compared benchmark. */
    record Row(String key, Score old, Score now, double ratio, double ratioLow, double ratioHigh, boolean regression,
               boolean improvement) {
    }

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: compare OLD.json NEW.json [--threshold 0.10]");
            System.exit(2);
        }
        double threshold = args.length >= 4 && args[2].equals("--threshold") ? Double.parseDouble(args[3]) : 0.10;
        List<Row> rows = compare(read(Path.of(args[0])), read(Path.of(args[1])), threshold);
        print(rows, threshold, System.out);
        System.exit(rows.stream().anyMatch(Row::regression) ? 1 : 0);
    }

    static Map<String, Score> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Score> out = new LinkedHashMap<>();
        for (JsonNode b : root) {
            StringBuilder key = new StringBuilder(b.path("benchmark").asText()).append(' ').append(b.path("mode").asText());
            Map<String, String> params = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = b.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            params.forEach((k, v) -> key.append(' ').append(k).append('=').append(v));
            JsonNode m = b.path("primaryMetric");
            double score = m.path("score").asDouble();
            JsonNode ci = m.path("scoreConfidence");
            double low = ci.isArray() && !Double.isNaN(ci.get(0).asDouble()) ? ci.get(0).asDouble() : score;
            double high = ci.isArray() && !Double.isNaN(ci.get(1).asDouble()) ? ci.get(1).asDouble() : score;
            boolean lowerIsBetter = !b.path("mode").asText().equals("thrpt");
            out.put(key.toString(), new Score(key.toString(), score, low, high, m.path("scoreUnit").asText(),
                    lowerIsBetter));
        }
        return out;
    }

    static List<Row> compare(Map<String, Score> old, Map<String, Score> now, double threshold) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Score> e : now.entrySet()) {
            Score o = old.get(e.getKey());
            if (o == null || o.score() == 0) {
                continue;
            }
            Score n = e.getValue();
            double ratio = n.score() / o.score();
            double ratioLow = o.high() > 0 ? n.low() / o.high() : ratio;
            double ratioHigh = o.low() > 0 ? n.high() / o.low() : ratio;
            boolean overlap = n.low() <= o.high() && o.low() <= n.high();
            double worse = n.lowerIsBetter() ? ratio - 1 : 1 / ratio - 1;
            double better = n.lowerIsBetter() ? 1 / ratio - 1 : ratio - 1;
            rows.add(new Row(e.getKey(), o, n, ratio, ratioLow, ratioHigh, worse > threshold && !overlap,
                    better > threshold && !overlap));
        }
        return rows;
    }

    static void print(List<Row> rows, double threshold, PrintStream out) {
        out.printf("%-90s %14s %14s %8s %19s  %s%n", "benchmark", "old", "new", "new/old", "interval", "verdict");
        for (Row r : rows) {
            out.printf("%-90s %14.4g %14.4g %8.3f [%8.3f, %8.3f]  %s%n", r.key(), r.old().score(), r.now().score(),
                    r.ratio(), r.ratioLow(), r.ratioHigh(),
                    r.regression() ? "REGRESSION" : r.improvement() ? "improved" : "same");
        }
        long regressions = rows.stream().filter(Row::regression).count();
        out.printf("%d compared, %d regressions (worse by more than %.0f%% with disjoint intervals)%n", rows.size(),
                regressions, threshold * 100);
    }
}
