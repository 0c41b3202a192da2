package dev.egregora.site.view;

import java.util.List;

/** The monthly archive index. */
public record ArchiveIndex(Page page, List<MonthRef> months) {
}
