package dev.egregora.site.view;

/**
 * Head and chrome of every HTML page; {@code root} is the relative prefix back to the site root ("", "../",
 * "../../"); hrefs in views are root-relative. {@code dated} is true when the page has a "last updated" date in
 * {@code updated.js} (kept out of the page itself: a date from the page's own git history, written into the page,
 * would change the page on every commit).
 */
public record Page(String root, String path, String title, String description, String siteName, String lang,
                   String ogImage, String canonical, boolean customCss, boolean dated, String section) {
}
