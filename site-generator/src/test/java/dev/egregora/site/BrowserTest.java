package dev.egregora.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.Slugs;
import dev.egregora.site.sample.SamplePosts;
import dev.egregora.site.serve.SiteServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built site served by {@link SiteServer}, loaded over HTTP and in headless Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private Path site;
    private SamplePosts.Sample sample;
    private Path pub;

    @BeforeAll
    void build(@TempDir Path dir) {
        site = dir;
        try (Workspace ws = TestSites.open(site)) {
            sample = SamplePosts.fill(ws, 45, 11);
            pub = site.resolve("public");
            new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults()).build(ws,
                    new SiteRenderer.Request(pub, SiteRenderer.Format.HTML, false));
        }
    }

    @Test
    void everyInternalLinkResolvesOverHttp() throws Exception {
        try (SiteServer server = SiteServer.start(pub, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create(server.url());
            Deque<URI> todo = new ArrayDeque<>(List.of(base.resolve("index.html"), base.resolve("404.html")));
            Set<URI> seen = new HashSet<>(todo);
            List<String> broken = new ArrayList<>();
            int pages = 0;
            while (!todo.isEmpty()) {
                URI uri = todo.poll();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    broken.add(uri + " -> " + r.statusCode());
                    continue;
                }
                if (!uri.getPath().endsWith(".html")) {
                    continue;
                }
                pages++;
                Document doc = Jsoup.parse(r.body(), uri.toString());
                for (Element e : doc.select("a[href], link[href], script[src], img[src]")) {
                    String ref = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (ref.startsWith("#") || ref.isEmpty()) {
                        continue;
                    }
                    URI target = uri.resolve(ref);
                    if (target.getHost() == null || !target.getHost().equals("127.0.0.1")
                            || target.getPort() != base.getPort()) {
                        continue;
                    }
                    target = URI.create(target.getScheme() + "://" + target.getAuthority() + target.getRawPath());
                    if (seen.add(target)) {
                        todo.add(target);
                    }
                }
            }
            assertThat(broken).isEmpty();
            assertThat(pages).isGreaterThan(45);
        }
    }

    @Test
    void searchFindsAKnownPostInChromium() throws Exception {
        Chromium.require();
        Post known = sample.posts().get(17);
        String word = known.title().split(" ")[0].toLowerCase() + " " + known.title().split(" ")[1].toLowerCase();
        try (SiteServer server = SiteServer.start(pub, 0)) {
            String dom = Chromium.dumpDom(server.url() + "search.html?q=" + word.replace(" ", "+"));
            Document doc = Jsoup.parse(dom);
            List<String> hits = doc.select("#search-results a").eachAttr("href");
            assertThat(hits).contains("posts/" + Slugs.of(known.slug()) + ".html");
        }
    }

    @Test
    void screenshotsOfHomeAndAPost() throws Exception {
        Chromium.require();
        Path target = Path.of("target", "screenshots");
        try (SiteServer server = SiteServer.start(pub, 0)) {
            Chromium.screenshot(server.url() + "index.html", target.resolve("home.png"));
            Chromium.screenshot(server.url() + "posts/" + Slugs.of(sample.posts().get(3).slug()) + ".html",
                    target.resolve("post.png"));
        }
        // the same pages also work from disk
        String dom = Chromium.dumpDom(pub.resolve("index.html").toUri().toString());
        assertThat(Jsoup.parse(dom).select("article.card")).hasSize(10);
    }
}
