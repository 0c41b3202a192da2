package dev.egregora.site.view;

/** About, 404, search: a heading and a trusted HTML body. */
public record TextPage(Page page, String heading, String bodyHtml) {
}
