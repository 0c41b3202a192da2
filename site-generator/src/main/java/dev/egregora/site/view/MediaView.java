package dev.egregora.site.view;

/** An embedded media file. */
public record MediaView(String href, String kind, String name, String mime) {
}
