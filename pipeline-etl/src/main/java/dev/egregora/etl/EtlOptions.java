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
 * @param chunkRows     CSV path: rows per chunk file; each full chunk is loaded by a second thread while the parse
 *                      goes on (default: no limit, one chunk loaded after the parse; overlapping cost more CPU and
 *                      gained no wall time on the shared 2-core machine, see docs/etl.md)
 */
public record EtlOptions(ArchiveLimits limits, int maxLineBytes, boolean stripMetadata, boolean copyMedia,
                         LoadPath loadPath, int chunkRows) {
    public static final EtlOptions DEFAULTS = new EtlOptions(ArchiveLimits.DEFAULTS, ChatParser.DEFAULT_MAX_LINE_BYTES,
            true, true, LoadPath.CSV, Integer.MAX_VALUE);

    public EtlOptions {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be positive");
        }
    }

    public EtlOptions withLoadPath(LoadPath path) {
        return new EtlOptions(limits, maxLineBytes, stripMetadata, copyMedia, path, chunkRows);
    }

    public EtlOptions withLimits(ArchiveLimits l) {
        return new EtlOptions(l, maxLineBytes, stripMetadata, copyMedia, loadPath, chunkRows);
    }

    public EtlOptions withChunkRows(int rows) {
        return new EtlOptions(limits, maxLineBytes, stripMetadata, copyMedia, loadPath, rows);
    }
}
