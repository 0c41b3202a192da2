package dev.egregora.site.view;

/** One page number in a pager; {@code href} null for a gap. */
public record PageNum(String href, String label, boolean current) {
}
