package dev.egregora.benchmarks.site;

import dev.egregora.core.model.Post;
import dev.egregora.core.port.RevisionDates;
import dev.egregora.core.port.SiteRenderer;
import dev.egregora.core.store.Workspace;
import dev.egregora.site.HtmlSiteRenderer;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.sample.SamplePosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Driver for {@code benchmarks/scripts/site-peers.sh} (our build vs Hugo on the same Markdown). Commands:
 * <ul>
 *   <li>{@code prepare SITE HUGO_DIR N}: fills SITE's workspace with N sample posts (seed 42) and writes the same
 *   posts as Hugo content ({@code HUGO_DIR/content/posts/SLUG.md}, front matter title/date/tags/summary);</li>
 *   <li>{@code build SITE}: a full HTML build into {@code SITE/public} without social cards (what the script times);</li>
 *   <li>{@code build-cards SITE}: the same with social cards.</li>
 * </ul>
 * Prints nothing; the script measures wall time.
 */
public final class SitePeers {
    private SitePeers() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "build" -> build(Path.of(args[1]), false);
            case "build-cards" -> build(Path.of(args[1]), true);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void build(Path site, boolean cards) {
        try (Workspace ws = SiteFixtures.open(site)) {
            new HtmlSiteRenderer(RevisionDates.NONE, SiteSettings.defaults().withCards(cards)).build(ws,
                    new SiteRenderer.Request(site.resolve("public"), SiteRenderer.Format.HTML, true));
        }
    }

    static void prepare(Path site, Path hugo, int n) {
        SamplePosts.Sample sample;
        try (Workspace ws = SiteFixtures.open(site)) {
            sample = SamplePosts.fill(ws, n, 42);
        }
        Path content = hugo.resolve("content/posts");
        try {
            Files.createDirectories(content);
            for (Post p : sample.posts()) {
                StringBuilder sb = new StringBuilder(2048).append("---\ntitle: \"").append(p.title())
                        .append("\"\ndate: ").append(p.date()).append("\nslug: \"").append(p.slug())
                        .append("\"\nsummary: \"").append(p.summary()).append("\"\ntags: [");
                for (int i = 0; i < p.tags().size(); i++) {
                    sb.append(i == 0 ? "\"" : ", \"").append(p.tags().get(i)).append('"');
                }
                sb.append("]\n---\n\n").append(p.bodyMarkdown());
                Files.writeString(content.resolve(p.slug() + ".md"), sb, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
