package dev.egregora.etl.media;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Ids;
import dev.egregora.core.model.MediaItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Stores media files under {@code SITE/media/<2 hex>/<sha256>.<ext>}: content-addressed (the same bytes are stored
 * once), written to a temp file and renamed (atomic), JPEG metadata (EXIF with GPS, XMP, IPTC, comments) removed
 * first when asked. A failed ingest may leave unreferenced media files behind; they are harmless (same name for the
 * same bytes) and are reused by the next ingest. Not thread-safe.
 */
public final class MediaStore {
    /** Files larger than this are streamed as they are (no metadata stripping). */
    private static final long STRIP_LIMIT = 64L << 20;

    private static final Map<String, String[]> TYPES = Map.ofEntries(
            Map.entry("jpg", new String[]{"image/jpeg", "image"}), Map.entry("jpeg", new String[]{"image/jpeg", "image"}),
            Map.entry("png", new String[]{"image/png", "image"}), Map.entry("gif", new String[]{"image/gif", "image"}),
            Map.entry("webp", new String[]{"image/webp", "image"}), Map.entry("heic", new String[]{"image/heic", "image"}),
            Map.entry("mp4", new String[]{"video/mp4", "video"}), Map.entry("mov", new String[]{"video/quicktime", "video"}),
            Map.entry("3gp", new String[]{"video/3gpp", "video"}), Map.entry("webm", new String[]{"video/webm", "video"}),
            Map.entry("mkv", new String[]{"video/x-matroska", "video"}), Map.entry("avi", new String[]{"video/x-msvideo", "video"}),
            Map.entry("opus", new String[]{"audio/opus", "audio"}), Map.entry("ogg", new String[]{"audio/ogg", "audio"}),
            Map.entry("mp3", new String[]{"audio/mpeg", "audio"}), Map.entry("m4a", new String[]{"audio/mp4", "audio"}),
            Map.entry("aac", new String[]{"audio/aac", "audio"}), Map.entry("wav", new String[]{"audio/wav", "audio"}),
            Map.entry("amr", new String[]{"audio/amr", "audio"}),
            Map.entry("pdf", new String[]{"application/pdf", "document"}),
            Map.entry("doc", new String[]{"application/msword", "document"}),
            Map.entry("docx", new String[]{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"}),
            Map.entry("xlsx", new String[]{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"}),
            Map.entry("pptx", new String[]{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "document"}),
            Map.entry("txt", new String[]{"text/plain", "document"}), Map.entry("vcf", new String[]{"text/vcard", "other"}));

    private final Path site;
    private final boolean stripMetadata;
    private final java.util.Set<Path> madeDirs = new java.util.HashSet<>();

    public MediaStore(Path site, boolean stripMetadata) {
        this.site = site;
        this.stripMetadata = stripMetadata;
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Copies one file in; returns its media row. {@code size} is the expected size, or -1. */
    public MediaItem store(String fileName, InputStream in, long size) {
        String ext = extension(fileName);
        String[] type = TYPES.getOrDefault(ext, new String[]{"application/octet-stream", "other"});
        try {
            Path dir = site.resolve("media");
            if (madeDirs.add(dir)) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
            try {
                String sha;
                long bytes;
                boolean jpeg = ext.equals("jpg") || ext.equals("jpeg");
                if (stripMetadata && jpeg && size <= STRIP_LIMIT) {
                    byte[] data = JpegMetadata.strip(in.readAllBytes());
                    sha = Ids.sha256Hex(data);
                    Files.write(tmp, data);
                    bytes = data.length;
                } else {
                    MessageDigest md = Ids.sha256();
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                        bytes = in.transferTo(out);
                    }
                    sha = HexFormat.of().formatHex(md.digest());
                }
                String name = ext.isEmpty() ? sha : sha + "." + ext;
                String rel = "media/" + sha.substring(0, 2) + "/" + name;
                Path target = site.resolve(rel);
                if (Files.isRegularFile(target) && Files.size(target) == bytes) {
                    Files.delete(tmp);
                } else {
                    // absent, or cut short by an interrupted copy (non-atomic file systems): (re)place it
                    if (madeDirs.add(target.getParent())) {
                        Files.createDirectories(target.getParent());
                    }
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return new MediaItem(sha, fileName, rel, type[0], type[1], bytes);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot store media file " + fileName + ": " + e.getMessage(), e);
        }
    }
}
