package dev.egregora.site.view;

import java.util.List;

/** The tag cloud. */
public record TagCloud(Page page, List<TagRef> tags) {
}
