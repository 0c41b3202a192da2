package dev.egregora.site.view;

/** A month in the archive. */
public record MonthRef(String href, String label, int count) {
}
