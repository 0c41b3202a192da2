package dev.egregora.etl;

import dev.egregora.etl.archive.ArchiveLimits;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.store.LoadPath;

/**
 * Settings of the WhatsApp ingest that are not part of a request.
 *
 * @param limits        ZIP safety caps
 * @param maxLineBytes  longer lines are skipped and counted (default 1 MiB)
 * @param stripMetadata remove JPEG metadata (EXIF/GPS) from stored media (default true)
 * @param copyMedia     copy attachment files into {@code SITE/media} (default true)
 * @param loadPath      how rows reach DuckDB (default: the faster one measured, see docs/etl.md)
 */
public record EtlOptions(ArchiveLimits limits, int maxLineBytes, boolean stripMetadata, boolean copyMedia,
                         LoadPath loadPath) {
    public static final EtlOptions DEFAULTS = new EtlOptions(ArchiveLimits.DEFAULTS, ChatParser.DEFAULT_MAX_LINE_BYTES,
            true, true, LoadPath.CSV);

    public EtlOptions withLoadPath(LoadPath path) {
        return new EtlOptions(limits, maxLineBytes, stripMetadata, copyMedia, path);
    }

    public EtlOptions withLimits(ArchiveLimits l) {
        return new EtlOptions(l, maxLineBytes, stripMetadata, copyMedia, loadPath);
    }
}
