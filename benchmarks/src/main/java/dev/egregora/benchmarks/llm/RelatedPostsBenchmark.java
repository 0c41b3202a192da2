package dev.egregora.benchmarks.llm;

import dev.egregora.core.model.Post;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.MemorySettings;
import dev.egregora.writer.memory.PostMemory;
import dev.egregora.writer.memory.RelatedPosts;
import dev.egregora.writer.memory.TermSimilarity;
import dev.egregora.writer.memory.store.RelatedPostStore;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@code related} stage's default method (TF-IDF over title, summary and tags) over {@code posts} posts shaped
 * like the offline writer's (a title of 3 keywords, a summary of 12 words, 5 tags, from a Zipf-like vocabulary of
 * 4,000 words): the similarity alone ({@code termsOnly}) and the whole stage with its DuckDB read and table rewrite
 * ({@code stage}). 5,312 is the 1M-message pipeline benchmark's post count.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.llm.RelatedPostsBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RelatedPostsBenchmark {
    @Param({"5312"})
    int posts;

    private Path site;
    private Workspace workspace;
    private List<RelatedPostStore.PostText> texts;
    private RelatedPosts stage;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        site = Files.createTempDirectory("egregora-bench-related");
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.add(PostMemory.MIGRATION);
        workspace = Workspace.open(site, migrations);
        SplittableRandom random = new SplittableRandom(7);
        List<Post> list = new ArrayList<>(posts);
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < posts; i++) {
            Instant d = t0.plusSeconds(86_400L * i);
            List<String> tags = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                tags.add(word(random));
            }
            list.add(new Post("p" + i, "slug-" + i, "s", words(random, 3), words(random, 12), d, d.plusSeconds(600),
                    tags, List.of(), List.of(), "en", "body\n", "offline"));
        }
        new PostStore(workspace).commit(list, List.of(), "bench", Instant.now());
        texts = new RelatedPostStore(workspace).texts();
        stage = new RelatedPosts(MemorySettings.DEFAULTS, () -> {
            throw new IllegalStateException("terms need no model");
        });
    }

    /** Zipf-like: word k with probability ~ 1/k over 4,000 words. */
    private static String word(SplittableRandom random) {
        int k = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(4000)));
        return "w" + Integer.toString(k * 7919 % 100_000, 36) + "x";
    }

    private static String words(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(word(random));
        }
        return sb.toString();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        workspace.close();
        BenchWindows.delete(site);
    }

    @Benchmark
    public List<TermSimilarity.Match> termsOnly() {
        return new TermSimilarity().topK(texts, 5);
    }

    @Benchmark
    public long stage() {
        return stage.run(workspace);
    }
}
