package dev.egregora.site.view;

/** A root-relative link. */
public record Link(String href, String label) {
}
