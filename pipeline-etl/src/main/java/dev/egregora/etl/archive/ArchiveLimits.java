package dev.egregora.etl.archive;

/**
 * Caps that protect against hostile ZIPs.
 *
 * @param maxEntries    entries in the ZIP (default 200 000: years of a busy group's media, e.g. 60 files a day for
 *                      nine years; each entry costs about 200 bytes of heap while the export is open, measured:
 *                      40 MB at the cap, so a hostile central directory cannot exhaust a 256 MB heap)
 * @param maxEntryBytes uncompressed bytes of one entry (default 1 GiB)
 * @param maxTotalBytes uncompressed bytes of all entries (default 8 GiB)
 * @param maxRatio      uncompressed / compressed size of an entry over 1 MiB (default 100)
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(200_000, 1L << 30, 8L << 30, 100);

    public ArchiveLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
