package dev.egregora.writer.llm;

import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validated model answers on disk, one file per key under {@code SITE/.egregora/cache/llm/ab/abcdef….json}, written to
 * a temporary file and moved into place atomically, so a crash never leaves half an entry and a re-run never pays twice.
 * Thread-safe (distinct keys are distinct files; the same key written twice holds the same content).
 */
final class ResponseCache {
    private static final java.util.concurrent.atomic.AtomicLong SEQ = new java.util.concurrent.atomic.AtomicLong();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,128}");
    private final Path dir;

    ResponseCache(Path dir) {
        this.dir = dir;
    }

    static ResponseCache under(Path site) {
        return new ResponseCache(site.resolve(".egregora").resolve("cache").resolve("llm"));
    }

    Path dir() {
        return dir;
    }

    Optional<String> get(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // the common miss without the cost of an exception
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EgregoraException("cannot read the LLM cache " + file(key) + ": " + e.getMessage(), e);
        }
    }

    void put(String key, String value) {
        Path target = file(key);
        try {
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            // unique per writer thread and call; no SecureRandom name as Files.createTempFile would draw
            Path tmp = target.resolveSibling(key + "." + Thread.currentThread().getId() + "." + SEQ.incrementAndGet()
                    + ".tmp");
            try {
                Files.writeString(tmp, value, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot write the LLM cache " + target + ": " + e.getMessage(), e);
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
