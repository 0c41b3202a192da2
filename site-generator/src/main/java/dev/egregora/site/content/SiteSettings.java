package dev.egregora.site.content;

import dev.egregora.core.EgregoraException;

import dev.egregora.core.config.ConfigLoader;
import dev.egregora.core.config.EgregoraConfig;

import java.nio.file.Path;

/**
 * Site options with documented defaults; {@link #load} takes name, description, base URL, language, page size
 * and feed length from the site's {@code config.toml} {@code [site]} section.
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
    /** The base URL when the config has none: where {@code egregora serve} publishes. */
    public static final String LOCAL_URL = "http://127.0.0.1:8000/";

    public SiteSettings {
        if (pageSize < 1 || feedSize < 1) {
            throw new EgregoraException("config [site]: page_size and feed_items must be at least 1 (page_size = "
                    + pageSize + ", feed_items = " + feedSize + ")");
        }
        if (related < 0) {
            throw new EgregoraException("site settings: related posts must be >= 0");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The settings of a site without a config file (the names of core's {@code [site]} defaults). */
    public static SiteSettings defaults() {
        EgregoraConfig.Site d = EgregoraConfig.Site.defaults();
        return new SiteSettings(d.title(), d.description(), LOCAL_URL, d.language(), d.pageSize(), d.feedItems(), 5,
                true);
    }

    public SiteSettings withCards(boolean on) {
        return new SiteSettings(name, description, baseUrl, language, pageSize, feedSize, related, on);
    }

    /**
     * The site's settings from {@code SITE/.egregora/config.toml} {@code [site]} (title, description, base_url,
     * language, page_size, feed_items; the one source of truth, read with core's {@link ConfigLoader}); related
     * count and cards keep their defaults. An empty {@code base_url} means {@link #LOCAL_URL}, where {@code egregora serve} publishes.
     */
    public static SiteSettings load(Path site) {
        return of(ConfigLoader.load(site).site());
    }

    /** The settings for a {@code [site]} config section. */
    public static SiteSettings of(EgregoraConfig.Site site) {
        SiteSettings d = defaults();
        // the related count and cards are not in [site]: the defaults
        String base = site.baseUrl() == null || site.baseUrl().isBlank() ? LOCAL_URL : site.baseUrl().strip();
        return new SiteSettings(site.title(), site.description(), base, site.language(), site.pageSize(),
                site.feedItems(), d.related(), d.cards());
    }
}
