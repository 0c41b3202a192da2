package dev.egregora.core.port;

import dev.egregora.core.store.Workspace;

import java.nio.file.Path;

/** Renders the site from the workspace's {@code posts}, {@code profiles} and {@code media}. */
public interface SiteRenderer {

    BuildSummary build(Workspace workspace, Request request);

    enum Format { HTML, MKDOCS }

    /** @param output where pages go (by default {@code SITE/public}) */
    record Request(Path output, Format format, boolean full) {
    }

    record BuildSummary(Path output, long pagesWritten, long pagesUnchanged, long pagesDeleted, long cardsRendered,
                        long cardsCached) {
    }
}
