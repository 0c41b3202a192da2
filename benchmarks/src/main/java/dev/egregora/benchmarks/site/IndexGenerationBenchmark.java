package dev.egregora.benchmarks.site;

import dev.egregora.core.store.Workspace;
import dev.egregora.site.card.CardRenderer;
import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.PostEntry;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.MarkdownRenderer;
import dev.egregora.site.html.Output;
import dev.egregora.site.html.PageRenderer;
import dev.egregora.site.html.SearchTerms;
import dev.egregora.site.html.SitePlanner;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.store.SiteStore;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Index generation alone for N posts, in memory (no disk): planning every file, then rendering the home pages,
 * tag pages and cloud, author pages, monthly archive, RSS/Atom, sitemap and search index (post pages, cards and
 * assets excluded). Target: under 100 ms for 10k posts.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'dev.egregora.benchmarks.site.IndexGeneration.*' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IndexGenerationBenchmark {
    @Param({"10000"})
    public int posts;

    private Path site;
    private Catalog catalog;
    private Output.Inputs inputs;
    private final PageRenderer pages = new PageRenderer();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final CardRenderer cards = new CardRenderer();
    private final SiteSettings settings = SiteSettings.defaults().withCards(false);

    @Setup(Level.Trial)
    public void setUp() {
        site = SiteFixtures.tempDir("site-index-bench");
        try (Workspace ws = SiteFixtures.open(site)) {
            SamplePosts.fill(ws, posts, 42);
            SiteStore store = new SiteStore(ws);
            catalog = store.loadCatalog();
            Map<String, String> bodies = store.loadBodies(catalog.posts().stream().map(PostEntry::id).toList());
            Map<String, String> terms = new HashMap<>();
            bodies.forEach((id, body) -> terms.put(id, SearchTerms.of(body)));
            inputs = new Output.Inputs(Map.of(), terms);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        SiteFixtures.delete(site);
    }

    /** Plans the whole site and renders every index file, in parallel like a build. */
    @Benchmark
    public long planAndRenderIndexes() {
        List<Output> plan = new SitePlanner(pages, markdown, cards, settings, catalog, Map.of(), null, site).plan();
        return plan.parallelStream()
                .filter(o -> o.postId() == null && o.kind() != Output.Kind.ASSET && o.kind() != Output.Kind.CARD)
                .mapToLong(o -> o.producer().apply(inputs).length).sum();
    }

    /** Planning alone (fingerprints of every file): what a no-change rebuild pays besides the database. */
    @Benchmark
    public int planOnly() {
        return new SitePlanner(pages, markdown, cards, settings, catalog, Map.of(), null, site).plan().size();
    }
}
