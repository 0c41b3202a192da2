package dev.egregora.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Draws a scaling chart (PNG) from JMH JSON results: for every benchmark that has the numeric parameter {@code --x},
 * one line of score against that parameter, both axes logarithmic, one series per benchmark and combination of the
 * other parameters ({@code --match REGEX} keeps only the series whose name matches). Linear cost shows as lines of
 * slope 1.
 *
 * <pre>./bench chart --x messages --out BENCHMARKS-windowing.png --title "..." RESULT.json...</pre>
 */
public final class Chart {
    private Chart() {
    }

    /** One point of one series. */
    record Point(String series, double x, double y, String unit) {
    }

    public static void main(String[] args) throws IOException {
        String x = null;
        Path out = null;
        String title = "Scaling";
        Pattern match = Pattern.compile("");
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--x" -> x = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--title" -> title = args[++i];
                case "--match" -> match = Pattern.compile(args[++i]);
                default -> inputs.add(Path.of(args[i]));
            }
        }
        if (x == null || out == null || inputs.isEmpty()) {
            System.err.println("usage: chart --x PARAM --out FILE.png [--title TEXT] [--match REGEX] RESULT.json...");
            System.exit(2);
        }
        List<Point> points = new ArrayList<>();
        for (Path in : inputs) {
            try {
                points.addAll(points(new ObjectMapper().readTree(in.toFile()), x));
            } catch (IOException e) {
                System.err.println("chart: cannot read " + in + ": " + e.getMessage());
                System.exit(1);
            }
        }
        Pattern keep = match;
        points.removeIf(p -> !keep.matcher(p.series()).find());
        if (points.isEmpty()) {
            System.err.println("chart: no benchmark in the input has a numeric parameter '" + x + "'");
            System.exit(1);
        }
        write(points, x, title, out);
        System.out.println("chart: " + points.size() + " points in " + out);
    }

    /** The points of every benchmark in a JMH result array that has numeric parameter {@code x}. */
    static List<Point> points(JsonNode results, String x) {
        List<Point> out = new ArrayList<>();
        for (JsonNode b : results) {
            JsonNode params = b.path("params");
            if (!params.has(x)) {
                continue;
            }
            double xv;
            try {
                xv = Double.parseDouble(params.get(x).asText());
            } catch (NumberFormatException e) {
                continue;
            }
            String name = b.path("benchmark").asText();
            StringBuilder series = new StringBuilder(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            Map<String, String> others = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = params.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals(x)) {
                    others.put(e.getKey(), e.getValue().asText());
                }
            }
            others.forEach((k, v) -> series.append(' ').append(k).append('=').append(v));
            JsonNode m = b.path("primaryMetric");
            if (!(m.path("score").asDouble() > 0)) {
                continue; // a log axis cannot show it (a benchmark that measured nothing)
            }
            out.add(new Point(series.toString(), xv, m.path("score").asDouble(), m.path("scoreUnit").asText()));
        }
        return out;
    }

    static void write(List<Point> points, String x, String title, Path out) throws IOException {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Point p : points) {
            series.computeIfAbsent(p.series(), XYSeries::new).add(p.x(), p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, powersOfTen(x), powersOfTen(points.get(0).unit()), lines);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(out.toFile(), chart, 1000, 600);
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    /** A log axis with a labelled tick at each power of ten, printed as a plain number. */
    private static LogAxis powersOfTen(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        axis.setMinorTickMarksVisible(true);
        return axis;
    }
}
