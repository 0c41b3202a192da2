package dev.egregora.site.html;

import dev.egregora.site.content.PostEntry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one output directory's builds keep in memory between builds in the same process ({@code egregora serve},
 * the write pipeline's repeated builds, benchmarks), so a rebuild reads and computes only what changed. Every
 * entry is validated against the current inputs before use (post content hashes, search fingerprints, directory
 * modification times), so a stale cache costs time, never correctness. A fresh cache is an ordinary cold build.
 * Used by one build at a time.
 */
public final class BuildCache {
    /** Post metadata by id, from the last build (validated by content hash). */
    public final Map<String, PostEntry> posts = new HashMap<>();
    /** Search terms by post id: {@code [contentHash, terms]}; null until loaded from the database once. */
    public Map<String, String[]> searchTerms;
    /** Modification time of every output directory after the last build, by output-relative path ("" = root). */
    public Map<String, String> dirTimes = Map.of();
    /** What each post shows in listings, by id, and the fingerprint of the authors table it was made with. */
    Map<String, SitePlanner.Info> infos = new HashMap<>();
    long authorsKey;
    /** The search index row (UTF-8 JSON) of each post by id, keyed by the fingerprint of what it shows. */
    final Map<String, SearchRow> searchRows = new ConcurrentHashMap<>();

    /** @param json the row as UTF-8 JSON */
    record SearchRow(long key, byte[] json) {
    }
}
