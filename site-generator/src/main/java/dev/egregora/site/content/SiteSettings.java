package dev.egregora.site.content;

import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Site options with documented defaults, read from {@code SITE/.egregora/site.properties} when present (keys:
 * {@code name}, {@code description}, {@code base_url}, {@code language}, {@code page_size}, {@code feed_size},
 * {@code related}, {@code cards}).
 *
 * @param name        site name in the header, titles and cards (default: "Egregora")
 * @param description meta description and about text
 * @param baseUrl     absolute URL of the published site, ending in '/', used by feeds, sitemap, og:image
 *                    (default {@code http://127.0.0.1:8000/}, what {@code egregora serve} uses)
 * @param language    html lang (default "en")
 * @param pageSize    posts per listing page (default 10)
 * @param feedSize    items in RSS/Atom (default 20)
 * @param related     related posts per post (default 5)
 * @param cards       render social cards (default true)
 */
public record SiteSettings(String name, String description, String baseUrl, String language, int pageSize,
                           int feedSize, int related, boolean cards) {
    public static final String FILE = "site.properties";

    public SiteSettings {
        if (pageSize < 1 || feedSize < 1 || related < 0) {
            throw new EgregoraException("site settings: page_size and feed_size must be >= 1, related >= 0");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    public static SiteSettings defaults() {
        return new SiteSettings("Egregora", "Stories from a group conversation, written by Egregora.",
                "http://127.0.0.1:8000/", "en", 10, 20, 5, true);
    }

    public SiteSettings withCards(boolean on) {
        return new SiteSettings(name, description, baseUrl, language, pageSize, feedSize, related, on);
    }

    /** Defaults overridden by {@code dataDir/site.properties} when that file exists. */
    public static SiteSettings load(Path dataDir) {
        SiteSettings d = defaults();
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new EgregoraException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return new SiteSettings(p.getProperty("name", d.name()), p.getProperty("description", d.description()),
                    p.getProperty("base_url", d.baseUrl()), p.getProperty("language", d.language()),
                    Integer.parseInt(p.getProperty("page_size", "" + d.pageSize()).strip()),
                    Integer.parseInt(p.getProperty("feed_size", "" + d.feedSize()).strip()),
                    Integer.parseInt(p.getProperty("related", "" + d.related()).strip()),
                    Boolean.parseBoolean(p.getProperty("cards", "" + d.cards()).strip()));
        } catch (NumberFormatException e) {
            throw new EgregoraException(file + ": not a number: " + e.getMessage(), e);
        }
    }
}
