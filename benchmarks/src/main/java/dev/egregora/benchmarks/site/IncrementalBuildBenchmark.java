package dev.egregora.benchmarks.site;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.HtmlSiteRenderer;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.store.PostTable;
import dev.egregora.core.model.Post;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds of a built 10k-post site (cards off; card cache hits are measured in {@link CardBenchmark}): with no
 * change (target < 300 ms) and with one post edited before each build (target < 150 ms). Includes reading the
 * catalog from DuckDB, planning, the manifest diff and the writes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.site.IncrementalBuild.*' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IncrementalBuildBenchmark {
    @Param({"10000"})
    public int posts;

    private Path site;
    private Workspace workspace;
    private HtmlSiteRenderer renderer;
    private SiteRenderer.Request request;
    private Post edited;
    private int edits;

    @Setup(Level.Trial)
    public void setUp() {
        site = SiteFixtures.tempDir("site-incr-bench");
        workspace = SiteFixtures.open(site);
        edited = SamplePosts.fill(workspace, posts, 42).posts().get(posts / 2);
        renderer = new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults().withCards(false));
        request = new SiteRenderer.Request(site.resolve("public"), SiteRenderer.Format.HTML, false);
        renderer.build(workspace, request);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workspace.close();
        SiteFixtures.delete(site);
    }

    /** State for the one-change benchmark: edits one post's body before each build (not timed). */
    @State(Scope.Benchmark)
    public static class OneEdit {
        @Setup(Level.Invocation)
        public void edit(IncrementalBuildBenchmark b) {
            b.edits++;
            new PostTable(b.workspace).updatePost(b.edited.id(), b.edited.title(),
                    b.edited.bodyMarkdown() + "\n\nEdit number " + b.edits + ".\n");
        }
    }

    @Benchmark
    public SiteRenderer.BuildSummary noChange() {
        return renderer.build(workspace, request);
    }

    @Benchmark
    public SiteRenderer.BuildSummary oneChangedPost(OneEdit edit) {
        return renderer.build(workspace, request);
    }
}
