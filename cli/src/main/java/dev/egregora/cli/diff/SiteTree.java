package dev.egregora.cli.diff;

import dev.egregora.core.EgregoraException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a directory tree with their SHA-256 content hashes, keyed by relative path ({@code /} separators,
 * sorted), so two trees compare the same way on every machine. Immutable.
 */
public final class SiteTree {
    private final Path root;
    private final SortedMap<String, String> hashes;

    private SiteTree(Path root, SortedMap<String, String> hashes) {
        this.root = root;
        this.hashes = Collections.unmodifiableSortedMap(hashes);
    }

    /** Hashes every regular file below {@code root} whose relative path {@code include} accepts. */
    public static SiteTree scan(Path root, Predicate<String> include) {
        if (!Files.isDirectory(root)) {
            throw new EgregoraException("not a directory: " + root);
        }
        SortedMap<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            throw new EgregoraException("cannot read " + root + ": " + e.getMessage(), e);
        }
        for (Path f : files) {
            String rel = relative(root, f);
            if (include.test(rel)) {
                out.put(rel, sha256(f));
            }
        }
        return new SiteTree(root, out);
    }

    /** The tree's root directory. */
    public Path root() {
        return root;
    }

    /** Relative path to SHA-256 hex, sorted by path. */
    public SortedMap<String, String> hashes() {
        return hashes;
    }

    /** The file at a relative path of this tree. */
    public Path resolve(String relative) {
        return root.resolve(relative.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }

    static String relative(Path root, Path file) {
        StringBuilder b = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** SHA-256 hex of a file's bytes, streamed. */
    public static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
