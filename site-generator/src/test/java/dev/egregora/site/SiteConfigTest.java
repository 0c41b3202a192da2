package dev.egregora.site;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.SiteRevisions;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.sample.SamplePosts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The site takes its title, description, base URL and language from {@code .egregora/config.toml} {@code [site]}. */
class SiteConfigTest {
    @TempDir
    Path site;

    private void config(String toml) throws IOException {
        Files.createDirectories(site.resolve(".egregora"));
        Files.writeString(site.resolve(".egregora/config.toml"), toml);
    }

    @Test
    void siteSectionOfTheConfigNamesAndLocatesTheSite() throws IOException {
        config("""
                [site]
                title = "Os Fofoqueiros"
                description = "Histórias do grupo"
                base_url = "https://example.org/blog"
                language = "pt"
                """);
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 12, 9);
            new HtmlSiteRenderer(SiteRevisions.NONE).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        Path pub = site.resolve("public");
        Document home = Jsoup.parse(pub.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.title()).isEqualTo("Os Fofoqueiros");
        assertThat(home.select("html").attr("lang")).isEqualTo("pt");
        assertThat(home.select("meta[name=description]").attr("content")).isEqualTo("Histórias do grupo");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("https://example.org/blog/index.html");
        assertThat(Files.readString(pub.resolve("feed.xml"))).contains("<link>https://example.org/blog/posts/");
        assertThat(Files.readString(pub.resolve("robots.txt"))).contains("https://example.org/blog/sitemap.xml");

        // the config is read on every build: a new title rewrites the pages
        config("[site]\ntitle = \"Renamed\"\n");
        try (Workspace ws = TestSites.open(site)) {
            new HtmlSiteRenderer(SiteRevisions.NONE).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        home = Jsoup.parse(pub.resolve("index.html").toFile(), "UTF-8");
        assertThat(home.title()).isEqualTo("Renamed");
        assertThat(home.select("link[rel=canonical]").attr("href"))
                .isEqualTo(SiteSettings.LOCAL_URL + "index.html");
    }

    @Test
    void withoutAConfigTheDefaultsApplyAndABadConfigIsAOneLineError() throws IOException {
        assertThat(SiteSettings.load(site)).isEqualTo(SiteSettings.of(
                dev.egregora.core.config.EgregoraConfig.Site.defaults()));
        assertThat(SiteSettings.load(site).baseUrl()).isEqualTo(SiteSettings.LOCAL_URL);
        config("[site]\ntitel = \"typo\"\n");
        assertThatThrownBy(() -> SiteSettings.load(site)).isInstanceOf(EgregoraException.class)
                .hasMessageContaining("titel").hasMessageNotContaining("\n");
    }

    @Test
    void pageSizeAndFeedLengthComeFromTheConfig() throws IOException {
        config("[site]\npage_size = 3\nfeed_items = 2\n");
        try (Workspace ws = TestSites.open(site)) {
            SamplePosts.fill(ws, 12, 9);
            new HtmlSiteRenderer(SiteRevisions.NONE).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false));
        }
        Path pub = site.resolve("public");
        assertThat(Jsoup.parse(pub.resolve("index.html").toFile(), "UTF-8").select("article.card")).hasSize(3);
        // 12 posts, 3 per page: index.html and page/2..4.html
        assertThat(pub.resolve("page/4.html")).exists();
        assertThat(pub.resolve("page/5.html")).doesNotExist();
        assertThat(Files.readString(pub.resolve("feed.xml")).split("<item>", -1)).hasSize(3);
        assertThat(Files.readString(pub.resolve("atom.xml")).split("<entry>", -1)).hasSize(3);

        config("[site]\npage_size = 0\n");
        try (Workspace ws = TestSites.open(site)) {
            assertThatThrownBy(() -> new HtmlSiteRenderer(SiteRevisions.NONE).build(ws,
                    new SiteRenderer.Request(null, SiteRenderer.Format.HTML, false)))
                    .isInstanceOf(EgregoraException.class).hasMessageContaining("page_size")
                    .hasMessageNotContaining("\n");
        }
    }
}
