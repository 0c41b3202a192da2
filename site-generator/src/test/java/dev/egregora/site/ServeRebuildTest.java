package dev.egregora.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.SiteRevisions;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceLockedException;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.serve.SiteServer;
import dev.egregora.site.serve.SiteWatcher;
import dev.egregora.site.store.PostTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve}'s rebuild on change: a real server on loopback, a real workspace, the watcher polling its files. */
class ServeRebuildTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path site;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger builds = new AtomicInteger();

    private void build() {
        try (Workspace ws = TestSites.open(site)) {
            new HtmlSiteRenderer(SiteRevisions.NONE).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        builds.incrementAndGet();
    }

    @Test
    void postsThemeAndConfigChangesAreRebuiltAndServed() throws Exception {
        List<Post> posts;
        try (Workspace ws = TestSites.open(site)) {
            posts = SamplePosts.fill(ws, 15, 21).posts();
        }
        build();
        List<String> errors = new CopyOnWriteArrayList<>();
        try (SiteServer server = SiteServer.start(site.resolve("public"), 0);
             SiteWatcher watcher = SiteWatcher.start(site, Duration.ofMillis(50), this::build, errors::add)) {
            Post edited = posts.get(7);
            String url = server.url() + "posts/" + Slugs.of(edited.slug()) + ".html";
            assertThat(get(url).body()).doesNotContain("Edited while serving");
            Thread.sleep(300);
            assertThat(builds.get()).as("no change, no rebuild").isEqualTo(1);

            change(ws -> new PostTable(ws).updatePost(edited.id(), edited.title(),
                    edited.bodyMarkdown() + "\n\nEdited while serving.\n"));
            await(url, body -> body.contains("Edited while serving"));

            Post gone = posts.get(3);
            String goneUrl = server.url() + "posts/" + Slugs.of(gone.slug()) + ".html";
            assertThat(get(goneUrl).statusCode()).isEqualTo(200);
            change(ws -> new PostTable(ws).deletePost(gone.id()));
            awaitStatus(goneUrl, 404);

            Files.createDirectories(site.resolve(".egregora/theme"));
            Files.writeString(site.resolve(".egregora/theme/brand.css"), "body { color: rebeccapurple; }");
            await(server.url() + "assets/custom.css", body -> body.contains("rebeccapurple"));

            Files.writeString(site.resolve(".egregora/config.toml"), "[site]\ntitle = \"Served Title\"\n");
            await(server.url() + "index.html", body -> body.contains("<title>Served Title</title>"));
        }
        // the only acceptable failure: a poll that found the workspace open by this test's own changes
        assertThat(errors).allMatch(e -> e.startsWith("rebuild failed: site is locked by another run"));
    }

    @Test
    void aFailedRebuildIsReportedOnceAndRetriedUntilItSucceeds() throws Exception {
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 3, 2);
        }
        build();
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(3);
        Runnable flaky = () -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database is locked");
            }
            build();
        };
        try (SiteServer server = SiteServer.start(site.resolve("public"), 0);
             SiteWatcher watcher = SiteWatcher.start(site, Duration.ofMillis(50), flaky, errors::add)) {
            Files.writeString(site.resolve(".egregora/config.toml"), "[site]\ntitle = \"After Retry\"\n");
            await(server.url() + "index.html", body -> body.contains("<title>After Retry</title>"));
        }
        assertThat(errors).containsExactly("rebuild failed: database is locked");
    }

    /** Changes the workspace like another command would: waiting while a rebuild holds the site's lock. */
    private void change(Consumer<Workspace> work) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try (Workspace ws = TestSites.open(site)) {
                work.accept(ws);
                return;
            } catch (WorkspaceLockedException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void await(String url, Predicate<String> body) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = get(url);
            if (r.statusCode() == 200 && body.test(r.body())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not rebuilt within " + TIMEOUT + ": " + url);
    }

    private void awaitStatus(String url, int status) throws Exception {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            if (get(url).statusCode() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(url + " did not answer " + status + " within " + TIMEOUT);
    }
}
