package dev.egregora.etl.archive;

/**
 * Caps that protect against hostile ZIPs.
 *
 * @param maxEntries    entries in the ZIP (default 20 000; a real export has at most ~10 000 media files)
 * @param maxEntryBytes uncompressed bytes of one entry (default 1 GiB)
 * @param maxTotalBytes uncompressed bytes of all entries (default 8 GiB)
 * @param maxRatio      uncompressed / compressed size of an entry over 1 MiB (default 100)
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(20_000, 1L << 30, 8L << 30, 100);

    public ArchiveLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
