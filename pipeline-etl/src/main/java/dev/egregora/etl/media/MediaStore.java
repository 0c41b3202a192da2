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
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Stores media files under {@code SITE/media/<2 hex>/<sha256>.<ext>}: content-addressed (the same bytes are stored
 * once), written to a temp file and renamed (atomic), JPEG metadata (EXIF with GPS, XMP, IPTC, comments) removed
 * first when asked. A failed ingest may leave unreferenced media files behind; they are harmless (same name for the
 * same bytes) and are reused by the next ingest.
 */
public final class MediaStore {
    /** Files larger than this are streamed as they are (no metadata stripping). */
    private static final long STRIP_LIMIT = 64L << 20;
    /** Other files up to this size are handled in memory. */
    private static final long IN_MEMORY_LIMIT = 8L << 20;

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
    private final java.util.Set<Path> madeDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public MediaStore(Path site, boolean stripMetadata) {
        this.site = site;
        this.stripMetadata = stripMetadata;
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Copies one file in; returns its media row. {@code size} is the expected size, or -1. A file of up to 8 MiB (a
     * JPEG to strip: 64 MiB) is read into memory, hashed, and written only when the target is absent (one temp file
     * beside it, renamed); a larger one is streamed through a temp file while it is hashed. Thread-safe for distinct
     * files (one ingest's worker thread).
     */
    public MediaItem store(String fileName, InputStream in, long size) {
        String ext = extension(fileName);
        String[] type = TYPES.getOrDefault(ext, new String[]{"application/octet-stream", "other"});
        boolean strip = stripMetadata && (ext.equals("jpg") || ext.equals("jpeg"));
        long inMemory = strip ? STRIP_LIMIT : IN_MEMORY_LIMIT;
        try {
            byte[] data = in.readNBytes((int) inMemory + 1);
            if (data.length <= inMemory) {
                if (strip) {
                    data = JpegMetadata.strip(data);
                }
                String sha = Ids.sha256Hex(data);
                Path target = target(sha, ext);
                if (!present(target, data.length)) {
                    Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                            + "-" + Thread.currentThread().getId() + ".incoming");
                    try {
                        Files.write(tmp, data);
                        place(tmp, target);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
                return item(fileName, type, sha, ext, data.length);
            }
            Path dir = site.resolve("media");
            makeDir(dir);
            Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
            try {
                MessageDigest md = Ids.sha256();
                long bytes;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                    out.write(data);
                    bytes = data.length + in.transferTo(out);
                }
                String sha = HexFormat.of().formatHex(md.digest());
                Path target = target(sha, ext);
                if (!present(target, bytes)) {
                    place(tmp, target);
                }
                return item(fileName, type, sha, ext, bytes);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot store media file " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static String storedName(String sha, String ext) {
        return ext.isEmpty() ? sha : sha + "." + ext;
    }

    private static String relPath(String sha, String ext) {
        return "media/" + sha.substring(0, 2) + "/" + storedName(sha, ext);
    }

    private Path target(String sha, String ext) throws IOException {
        Path target = site.resolve(relPath(sha, ext));
        makeDir(target.getParent());
        return target;
    }

    private static MediaItem item(String fileName, String[] type, String sha, String ext, long bytes) {
        return new MediaItem(sha, fileName, relPath(sha, ext), type[0], type[1], bytes);
    }

    /** Stored already: same name, same size (a copy cut short by an interrupted ingest is replaced). */
    private static boolean present(Path target, long bytes) {
        try {
            return Files.readAttributes(target, BasicFileAttributes.class).size() == bytes;
        } catch (IOException e) {
            return false;
        }
    }

    private static void place(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void makeDir(Path dir) throws IOException {
        if (!madeDirs.contains(dir)) {
            Files.createDirectories(dir);
            madeDirs.add(dir);
        }
    }
}
