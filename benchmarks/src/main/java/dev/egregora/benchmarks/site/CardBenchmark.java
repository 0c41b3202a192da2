package dev.egregora.benchmarks.site;

import dev.egregora.site.card.CardRenderer;
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

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Social cards: drawing alone, encoding with ImageIO vs pngencoder, a full cold card, and the cache-hit cost (the
 * card's fingerprint plus the manifest lookup that decides it is unchanged; target < 50 us).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.site.Card.*' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CardBenchmark {
    @Param({"PNGENCODER", "IMAGEIO"})
    public CardRenderer.Encoder encoder;

    private CardRenderer renderer;
    private BufferedImage image;
    private final CardRenderer.Card card = new CardRenderer.Card(
            "Castle Neighbour Street Painting Tomato Summer and a rather long second line", "14 January 2020",
            "Egregora", "travel");
    private final Map<String, String> manifest = new HashMap<>();

    @Setup
    public void setUp() {
        renderer = new CardRenderer(encoder);
        image = renderer.draw(card);
        for (int i = 0; i < 10_000; i++) {
            manifest.put("cards/post-" + i + ".png", "x" + i);
        }
        manifest.put("cards/the-post.png", CardRenderer.fingerprint(card));
    }

    @Benchmark
    public BufferedImage drawOnly() {
        return renderer.draw(card);
    }

    @Benchmark
    public byte[] encodeOnly() {
        return renderer.encode(image);
    }

    @Benchmark
    public byte[] coldCard() {
        return renderer.render(card);
    }

    @Benchmark
    public boolean cacheHit() {
        return CardRenderer.fingerprint(card).equals(manifest.get("cards/the-post.png"));
    }
}
