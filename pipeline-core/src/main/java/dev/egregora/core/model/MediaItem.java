package dev.egregora.core.model;

/** A media file stored once under its content hash; {@code relPath} is relative to the site directory. */
public record MediaItem(String id, String fileName, String relPath, String mime, String kind, long bytes) {
}
