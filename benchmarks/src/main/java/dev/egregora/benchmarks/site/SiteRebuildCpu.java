package dev.egregora.benchmarks.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.HtmlSiteRenderer;
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
import dev.egregora.site.store.PostTable;
import dev.egregora.site.store.SiteStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of the site's rebuilds on a loaded machine, where JMH's wall-clock scores mostly measure the other
 * processes: the same operations as {@link IncrementalBuildBenchmark} and {@link IndexGenerationBenchmark}
 * (10k posts, cards off, one long-lived renderer), repeated, with the medians of the calling thread's CPU time,
 * the whole process's CPU time (DuckDB's threads, the parallel renderers, GC and JIT included) and wall time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.egregora.benchmarks.site.SiteRebuildCpu 10000 7}
 */
public final class SiteRebuildCpu {
    private static final String[] NAMES = {"noChange", "oneChangedPost", "planAndRenderIndexes", "planOnly"};
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SiteRebuildCpu() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = 3;
        Path site = SiteFixtures.tempDir("site-rebuild-cpu");
        long[][][] samples = new long[NAMES.length][3][reps];
        try (Workspace ws = SiteFixtures.open(site)) {
            Post edited = SamplePosts.fill(ws, n, 42).posts().get(n / 2);
            SiteSettings settings = SiteSettings.defaults().withCards(false);
            HtmlSiteRenderer renderer = new HtmlSiteRenderer(RevisionDates.NONE, settings);
            SiteRenderer.Request request = new SiteRenderer.Request(site.resolve("public"), SiteRenderer.Format.HTML,
                    false);
            renderer.build(ws, request);
            SiteStore store = new SiteStore(ws);
            Catalog catalog = store.loadCatalog();
            Map<String, String> terms = new HashMap<>();
            store.loadBodies(catalog.posts().stream().map(PostEntry::id).toList())
                    .forEach((id, body) -> terms.put(id, SearchTerms.of(body)));
            Output.Inputs inputs = new Output.Inputs(Map.of(), terms);
            PageRenderer pages = new PageRenderer();
            MarkdownRenderer markdown = new MarkdownRenderer();
            CardRenderer cards = new CardRenderer();
            for (int r = -warmup; r < reps; r++) {
                long[] t = start();
                renderer.build(ws, request);
                record(samples[0], r, t);

                new PostTable(ws).updatePost(edited.id(), edited.title(),
                        edited.bodyMarkdown() + "\n\nEdit number " + (r + warmup) + ".\n");
                t = start();
                renderer.build(ws, request);
                record(samples[1], r, t);

                t = start();
                List<Output> plan = new SitePlanner(pages, markdown, cards, settings, catalog, Map.of(), null, site)
                        .plan();
                long bytes = plan.parallelStream().filter(o -> o.postId() == null && o.kind() != Output.Kind.ASSET
                        && o.kind() != Output.Kind.CARD).mapToLong(o -> o.producer().apply(inputs).length).sum();
                record(samples[2], r, t);
                if (bytes == 0) {
                    throw new IllegalStateException("nothing rendered");
                }

                t = start();
                new SitePlanner(pages, markdown, cards, settings, catalog, Map.of(), null, site).plan();
                record(samples[3], r, t);
            }
        } finally {
            SiteFixtures.delete(site);
        }
        System.out.printf("%d posts, medians of %d after %d warm-up rounds%n", n, reps, warmup);
        for (int i = 0; i < NAMES.length; i++) {
            System.out.printf("%-22s thread CPU %7.1f ms   process CPU %7.1f ms   wall %7.1f ms%n", NAMES[i],
                    median(samples[i][0]), median(samples[i][1]), median(samples[i][2]));
        }
    }

    private static long[] start() {
        return new long[] {THREADS.getCurrentThreadCpuTime(), OS.getProcessCpuTime(), System.nanoTime()};
    }

    private static void record(long[][] into, int rep, long[] t) {
        long thread = THREADS.getCurrentThreadCpuTime() - t[0];
        long process = OS.getProcessCpuTime() - t[1];
        long wall = System.nanoTime() - t[2];
        if (rep >= 0) {
            into[0][rep] = thread;
            into[1][rep] = process;
            into[2][rep] = wall;
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
