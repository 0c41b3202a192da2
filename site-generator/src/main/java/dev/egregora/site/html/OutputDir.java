package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The output directory: every write goes to a temp file in a staging directory beside it ({@code .NAME.partial/},
 * same file system) and is renamed over the target, so a killed build never leaves a temp file inside the site;
 * {@link #clearStaging()} removes what a killed build left there. Every relative path is checked to stay inside
 * the directory (no {@code ..}, no absolute paths, no drive letters). Thread-safe.
 */
public final class OutputDir {
    private final Path root;
    private final Path staging;

    public OutputDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
        Path parent = this.root.getParent();
        this.staging = parent == null ? this.root.resolve(".partial") : parent.resolve("." + this.root.getFileName()
                + ".partial");
    }

    /** Deletes the staging directory and the temp files a killed build left in it. */
    public void clearStaging() {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (var files = Files.list(staging)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            throw new EgregoraException("cannot clear " + staging + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Resolves a '/'-separated relative path, refusing any that would leave the output directory. */
    public Path resolve(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || relative.contains("\0") || relative.contains(":")) {
            throw new EgregoraException("refusing unsafe output path: " + relative);
        }
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new EgregoraException("refusing unsafe output path: " + relative);
            }
        }
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new EgregoraException("refusing unsafe output path: " + relative);
        }
        return p;
    }

    /** Writes {@code bytes} atomically (temp file + rename). */
    public void write(String relative, byte[] bytes) {
        Path target = resolve(relative);
        Path tmp = staging.resolve(Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectories(staging);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write error is what matters
            }
            throw new EgregoraException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file if present (and its directory when that becomes empty). */
    public void delete(String relative) {
        Path target = resolve(relative);
        try {
            Files.deleteIfExists(target);
            Path dir = target.getParent();
            if (!dir.equals(root) && Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isEmpty()) {
                        Files.deleteIfExists(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot delete " + target + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String relative) {
        return Files.exists(resolve(relative));
    }
}
