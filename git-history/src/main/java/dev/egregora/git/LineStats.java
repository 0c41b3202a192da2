package dev.egregora.git;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.MyersDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Added and deleted line counts of one file change, as {@code git log --numstat} reports them: a Myers line diff
 * (git's default algorithm; both find a shortest edit script, so the counts agree) of the two sides, lines compared
 * byte for byte with their line ending, a last line without a newline differing from the same line with one.
 * Symlinks count their target as one line, submodules their {@code Subproject commit SHA} line, as git does. A
 * binary side (a NUL in its first 8000 bytes) has no counts ({@code -} in git). One per worker thread.
 */
final class LineStats {
    private static final byte[] EMPTY = new byte[0];

    private final ObjectReader reader;

    LineStats(ObjectReader reader) {
        this.reader = reader;
    }

    /**
     * The content git diffs for one side of a change: empty for a missing side ({@code mode == 0}), the blob for a
     * file or symlink, the {@code Subproject commit} line for a submodule; {@code null} for a blob too large to hold
     * in memory (JGit's streaming threshold), which gets no counts.
     */
    byte[] content(int mode, ObjectId id) throws IOException {
        int type = mode & FileMode.TYPE_MASK;
        if (mode == 0) {
            return EMPTY;
        }
        if (type == FileMode.TYPE_GITLINK) {
            return ("Subproject commit " + id.name() + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        return loader.isLarge() ? null : loader.getCachedBytes();
    }

    /** Added lines in the high 32 bits, deleted in the low 32; -1 when either side is binary or too large. */
    static long count(byte[] a, byte[] b, boolean same) {
        if (a == null || b == null || binary(a) || binary(b)) {
            return -1;
        }
        if (same) {
            return 0;
        }
        RawText ra = new RawText(a);
        RawText rb = new RawText(b);
        if (a.length == 0) {
            return pack(rb.size(), 0);
        }
        if (b.length == 0) {
            return pack(0, ra.size());
        }
        EditList edits = MyersDiff.INSTANCE.diff(RawTextComparator.DEFAULT, ra, rb);
        long added = 0;
        long deleted = 0;
        for (Edit e : edits) {
            added += e.getLengthB();
            deleted += e.getLengthA();
        }
        return pack(added, deleted);
    }

    static int added(long stats) {
        return (int) (stats >>> 32);
    }

    static int deleted(long stats) {
        return (int) stats;
    }

    /** A NUL in the first 8000 bytes: git's rule. */
    static boolean binary(byte[] bytes) {
        return FirstParentDiffer.hasNul(bytes, Math.min(bytes.length, FirstParentDiffer.BINARY_PROBE));
    }

    private static long pack(long added, long deleted) {
        return (added << 32) | (deleted & 0xffffffffL);
    }
}
