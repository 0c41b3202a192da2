package dev.egregora.site.view;

/** A tag in the cloud; {@code level} 1..10 by frequency. */
public record TagRef(String href, String name, int level, int count) {
}
