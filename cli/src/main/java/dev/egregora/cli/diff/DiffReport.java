package dev.egregora.cli.diff;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * Prints a {@link SiteDiff} for people: one status line per differing file ({@code A} added, {@code D} removed,
 * {@code M} changed; binary files with their hashes), then the unified diff of each changed text file, then a
 * summary line.
 *
 * @param quiet         print only the summary line
 * @param context       lines of context around each change
 * @param maxFiles      changed files whose diff is printed; the rest are counted
 * @param maxLines      diff lines printed per file; the rest are counted
 * @param maxLineWidth  longer diff lines are cut (minified files can have very long lines)
 */
public record DiffReport(boolean quiet, int context, int maxFiles, int maxLines, int maxLineWidth) {

    /** Everything, three lines of context (the {@code egregora diff} default). */
    public static DiffReport full() {
        return new DiffReport(false, 3, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    public DiffReport {
        if (context < 0 || maxFiles < 0 || maxLines < 1 || maxLineWidth < 20) {
            throw new IllegalArgumentException("context >= 0, maxFiles >= 0, maxLines >= 1, maxLineWidth >= 20");
        }
    }

    /** Prints the report of {@code diff}. */
    public void print(SiteDiff diff, PrintWriter out) {
        if (!quiet) {
            for (FileChange c : diff.changes()) {
                out.println(status(diff, c));
            }
            int shown = 0;
            int skipped = 0;
            for (FileChange c : diff.changes()) {
                if (c.kind() != FileChange.Kind.CHANGED) {
                    continue;
                }
                Optional<List<String>> lines = TextDiff.unified(diff, c, context);
                if (lines.isEmpty()) {
                    continue;
                }
                if (shown >= maxFiles) {
                    skipped++;
                    continue;
                }
                shown++;
                out.println();
                out.println("diff a/" + c.path() + " b/" + c.path());
                List<String> l = lines.get();
                for (int i = 0; i < l.size() && i < maxLines; i++) {
                    out.println(cut(l.get(i)));
                }
                if (l.size() > maxLines) {
                    out.println("... " + (l.size() - maxLines) + " more diff lines of " + c.path());
                }
            }
            if (skipped > 0) {
                out.println();
                out.println("... diffs of " + skipped + " more changed files not shown");
            }
            if (!diff.identical()) {
                out.println();
            }
        }
        out.println(summary(diff));
        out.flush();
    }

    /** The last line of a report. */
    public static String summary(SiteDiff diff) {
        if (diff.identical()) {
            return "No differences (" + diff.unchanged() + " files identical)";
        }
        return diff.summary();
    }

    private static String status(SiteDiff diff, FileChange c) {
        return switch (c.kind()) {
            case ADDED -> "A  " + c.path();
            case REMOVED -> "D  " + c.path();
            case CHANGED -> TextDiff.text(diff.a().resolve(c.path())).isPresent()
                    && TextDiff.text(diff.b().resolve(c.path())).isPresent()
                    ? "M  " + c.path()
                    : "M  " + c.path() + "  (binary, sha256 " + shortHash(c.hashA()) + " -> " + shortHash(c.hashB()) + ")";
        };
    }

    private static String shortHash(String h) {
        return h.substring(0, Math.min(12, h.length()));
    }

    private String cut(String line) {
        return line.length() <= maxLineWidth ? line
                : line.substring(0, maxLineWidth) + " [... " + (line.length() - maxLineWidth) + " more chars]";
    }
}
