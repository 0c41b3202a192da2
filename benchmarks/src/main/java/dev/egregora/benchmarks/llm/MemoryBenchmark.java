package dev.egregora.benchmarks.llm;

import dev.egregora.core.model.Post;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.PostStore;
import dev.egregora.core.store.Workspace;
import dev.egregora.writer.memory.PostEmbedder;
import dev.egregora.writer.memory.PostMemory;
import dev.egregora.writer.memory.store.PostVectorStore;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Contextual memory: embedding throughput of the local all-MiniLM-L6-v2 model (a batch of 32 post texts; posts/s =
 * 32 / time) and one nearest-neighbour query ({@code array_cosine_similarity}, k = 5, date filter) over 10,000 stored
 * post vectors in DuckDB.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.llm.MemoryBenchmark' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryBenchmark {
    static final int POSTS = 10_000;
    static final int BATCH = 32;

    private PostEmbedder embedder;
    private Path site;
    private Workspace workspace;
    private PostVectorStore store;
    private List<String> texts;
    private List<String> shortTexts;
    private float[] query;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        embedder = new PostEmbedder();
        site = Files.createTempDirectory("egregora-bench-memory");
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.add(PostMemory.MIGRATION);
        workspace = Workspace.open(site, migrations);
        List<Post> posts = new ArrayList<>(POSTS);
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < POSTS; i++) {
            Instant d = t0.plusSeconds(3600L * i);
            posts.add(new Post("p" + i, "slug-" + i, "s", "Post " + i, "Summary " + i, d, d.plusSeconds(600),
                    List.of(), List.of(), List.of(), "en", "Body of post " + i + "\n", "offline"));
        }
        new PostStore(workspace).commit(posts, List.of(), "bench", Instant.now());
        SplittableRandom random = new SplittableRandom(42);
        List<PostVectorStore.Row> rows = new ArrayList<>(POSTS);
        for (int i = 0; i < POSTS; i++) {
            rows.add(new PostVectorStore.Row("p" + i, "h", unit(random)));
        }
        store = new PostVectorStore(workspace);
        store.upsert(rows);
        query = unit(random);
        texts = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            texts.add(BenchWindows.window(i).messages().stream().map(m -> m.text()).reduce("", (a, b) -> a + "\n" + b));
        }
        // title + summary + tags of a post: about 200 characters (the offline writer's posts measure 150-300)
        shortTexts = texts.stream().map(t -> t.strip().substring(0, Math.min(200, t.strip().length()))).toList();
    }

    private static float[] unit(SplittableRandom random) {
        float[] v = new float[PostVectorStore.DIMENSIONS];
        double norm = 0;
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) random.nextGaussian();
            norm += v[j] * v[j];
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        workspace.close();
        BenchWindows.delete(site);
    }

    @Benchmark
    public List<float[]> embedBatchOf32() {
        return embedder.embedAll(texts);
    }

    /** The same batch cut to title + summary + tags length (about 200 characters). */
    @Benchmark
    public List<float[]> embedShortBatchOf32() {
        return embedder.embedAll(shortTexts);
    }

    @Benchmark
    public List<PostVectorStore.Neighbour> nearestOf10k() {
        return store.nearest(query, 5, Instant.parse("2030-01-01T00:00:00Z"), null);
    }
}
