package dev.egregora.site.view;

/**
 * Head and chrome of every HTML page; {@code root} is the relative prefix back to the site root ("", "../",
 * "../../"); hrefs in views are root-relative.
 */
public record Page(String root, String path, String title, String description, String siteName, String lang,
                   String ogImage, String canonical, boolean customCss, String updated, String section) {
}
