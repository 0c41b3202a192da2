package dev.egregora.cli.diff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The structural difference of two built sites: files added, removed and changed (by content hash), in path order.
 *
 * @param a         the old tree
 * @param b         the new tree
 * @param changes   differing files, sorted by path
 * @param unchanged number of files identical in both
 */
public record SiteDiff(SiteTree a, SiteTree b, List<FileChange> changes, int unchanged) {

    public SiteDiff {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        changes = List.copyOf(changes);
    }

    /**
     * Compares two site directories. A directory that holds a {@code public/} folder (a site directory as
     * {@code egregora write} makes it) is compared by that folder; any other directory is compared as is.
     */
    public static SiteDiff compare(Path a, Path b) {
        return compare(a, b, path -> true);
    }

    /** Compares two site directories, looking only at the relative paths {@code include} accepts. */
    public static SiteDiff compare(Path a, Path b, Predicate<String> include) {
        return compare(SiteTree.scan(publishedRoot(a), include), SiteTree.scan(publishedRoot(b), include));
    }

    /** Compares two scanned trees. */
    public static SiteDiff compare(SiteTree a, SiteTree b) {
        Map<String, String> ha = a.hashes();
        Map<String, String> hb = b.hashes();
        TreeSet<String> all = new TreeSet<>(ha.keySet());
        all.addAll(hb.keySet());
        List<FileChange> changes = new ArrayList<>();
        int same = 0;
        for (String path : all) {
            String x = ha.get(path);
            String y = hb.get(path);
            if (x == null) {
                changes.add(new FileChange(path, FileChange.Kind.ADDED, null, y));
            } else if (y == null) {
                changes.add(new FileChange(path, FileChange.Kind.REMOVED, x, null));
            } else if (!x.equals(y)) {
                changes.add(new FileChange(path, FileChange.Kind.CHANGED, x, y));
            } else {
                same++;
            }
        }
        return new SiteDiff(a, b, changes, same);
    }

    /** The folder of a site directory that holds its pages: {@code dir/public} when it exists, else {@code dir}. */
    public static Path publishedRoot(Path dir) {
        Path pub = dir.resolve("public");
        return Files.isDirectory(pub) ? pub : dir;
    }

    /** True when both trees hold the same files with the same bytes. */
    public boolean identical() {
        return changes.isEmpty();
    }

    /** How many changes of a kind. */
    public long count(FileChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /** One line: {@code 2 added, 1 removed, 3 changed, 40 unchanged}. */
    public String summary() {
        return count(FileChange.Kind.ADDED) + " added, " + count(FileChange.Kind.REMOVED) + " removed, "
                + count(FileChange.Kind.CHANGED) + " changed, " + unchanged + " unchanged";
    }
}
