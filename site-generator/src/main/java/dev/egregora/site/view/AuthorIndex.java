package dev.egregora.site.view;

import java.util.List;

/** The authors index. */
public record AuthorIndex(Page page, List<AuthorRef> authors) {
}
