package dev.egregora.site.mkdocs;

import dev.egregora.site.content.Catalog;
import dev.egregora.site.content.SiteSettings;
import dev.egregora.site.html.OutputDir;
import dev.egregora.site.store.SiteStore;

/** Writes MkDocs-Material sources (placeholder until implemented). */
public final class MkDocsExporter {
    private final SiteSettings settings;

    public MkDocsExporter(SiteSettings settings) {
        this.settings = settings;
    }

    public long export(Catalog catalog, SiteStore store, OutputDir out) {
        throw new UnsupportedOperationException("MkDocs export for " + settings.name() + " is not implemented yet");
    }
}
