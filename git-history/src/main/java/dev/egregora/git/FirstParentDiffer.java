package dev.egregora.git;

import dev.egregora.git.store.CommitRow;
import dev.egregora.git.store.FileChangeRow;
import dev.egregora.git.store.HistoryBatch;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ObjectStream;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Diffs commits against their first parent (or the empty tree) on one worker thread: one {@link ObjectReader} and
 * one recursive {@link TreeWalk} reused for every commit it is given. Not thread-safe; one per worker.
 */
final class FirstParentDiffer implements AutoCloseable {
    /** Git looks for a NUL in this many leading bytes to call a file binary. */
    static final int BINARY_PROBE = 8000;

    /**
     * One commit to diff: the parsed commit (its body retained; only read here, never mutated after the walk handed
     * it over), its tree and its first parent's tree ({@code null} for a root).
     */
    record Task(RevCommit commit, ObjectId tree, ObjectId parentTree) {
    }

    private final ObjectReader reader;
    private final TreeWalk walk;
    private final RenameDetector renames;
    private final boolean detectBinary;
    private final LineStats lineStats;
    private final byte[] probe = new byte[BINARY_PROBE];
    private final Map<ObjectId, Boolean> binaryByBlob;

    /**
     * @param binaryByBlob binary flags already decided, by blob id, shared by the workers of one load: the same blob
     *                     shows up in several diffs (a merge's first-parent diff repeats its branch's blobs, a
     *                     delete repeats the blob's add), and reading a blob is most of the cost of the flag
     */
    FirstParentDiffer(ObjectReader reader, DiffConfig diffConfig, LoadOptions options,
                      Map<ObjectId, Boolean> binaryByBlob) {
        this.reader = reader;
        this.binaryByBlob = binaryByBlob;
        this.walk = new TreeWalk(reader);
        this.walk.setRecursive(true);
        this.walk.setFilter(TreeFilter.ANY_DIFF);
        this.detectBinary = options.detectBinary();
        this.lineStats = options.lineStats() ? new LineStats(reader) : null;
        boolean detectRenames = options.detectRenames();
        if (detectRenames) {
            this.renames = new RenameDetector(reader, diffConfig);
            this.renames.setRenameScore(50);
        } else {
            this.renames = null;
        }
    }

    /** The commit rows and file-change rows of a batch. */
    HistoryBatch diff(List<Task> tasks) throws IOException {
        List<CommitRow> commits = new ArrayList<>(tasks.size());
        List<FileChangeRow> out = new ArrayList<>(tasks.size() * 4);
        for (Task t : tasks) {
            commits.add(row(t.commit()));
            diff(t, t.commit().name(), out);
        }
        return new HistoryBatch(commits, out);
    }

    /** The {@code git_commits} row of a parsed commit (identities and message decoded from its raw buffer). */
    static CommitRow row(RevCommit c) {
        List<String> parents = new ArrayList<>(c.getParentCount());
        for (int i = 0; i < c.getParentCount(); i++) {
            parents.add(c.getParent(i).name());
        }
        PersonIdent a = c.getAuthorIdent();
        PersonIdent m = c.getCommitterIdent();
        long commitTime = c.getCommitTime();
        return new CommitRow(c.name(), parents,
                a == null ? "" : a.getName(), a == null ? "" : a.getEmailAddress(),
                a == null ? commitTime : a.getWhenAsInstant().getEpochSecond(),
                a == null ? 0 : a.getZoneOffset().getTotalSeconds() / 60,
                m == null ? "" : m.getName(), m == null ? "" : m.getEmailAddress(),
                commitTime, m == null ? 0 : m.getZoneOffset().getTotalSeconds() / 60,
                c.getShortMessage(), c.getFullMessage());
    }

    private void diff(Task t, String sha, List<FileChangeRow> out) throws IOException {
        walk.reset();
        if (t.parentTree() == null) {
            walk.addTree(new EmptyTreeIterator());
        } else {
            walk.addTree(t.parentTree());
        }
        walk.addTree(t.tree());
        if (renames != null) {
            diffWithRenames(sha, out);
            return;
        }
        while (walk.next()) {
            int oldMode = walk.getRawMode(0);
            int newMode = walk.getRawMode(1);
            char type;
            if (oldMode == 0) {
                type = 'A';
            } else if (newMode == 0) {
                type = 'D';
            } else {
                type = (oldMode & FileMode.TYPE_MASK) == (newMode & FileMode.TYPE_MASK) ? 'M' : 'T';
            }
            // ids are copied out of the walk only when used: the old side for deletes and line stats
            ObjectId oldId = type == 'D' || lineStats != null ? walk.getObjectId(0) : null;
            ObjectId newId = type != 'D' ? walk.getObjectId(1) : null;
            out.add(row(sha, walk.getPathString(), null, type, oldMode, oldId, newMode, newId));
        }
    }

    /**
     * One row: the binary flag from the side that exists after the change (the old side for a delete), line stats
     * from both sides when asked (each blob read once for both).
     */
    private FileChangeRow row(String sha, String path, String oldPath, char type, int oldMode, ObjectId oldId,
                              int newMode, ObjectId newId) throws IOException {
        boolean deleted = type == 'D';
        int mode = deleted ? oldMode : newMode;
        ObjectId id = deleted ? oldId : newId;
        boolean file = (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
        if (lineStats == null) {
            return new FileChangeRow(sha, path, oldPath, type, detectBinary && file && isBinary(id));
        }
        byte[] before = lineStats.content(oldMode, oldId);
        byte[] after = lineStats.content(newMode, newId);
        byte[] side = deleted ? before : after;
        boolean binary = detectBinary && file && (side == null ? isBinary(id) : LineStats.binary(side));
        long stats = LineStats.count(before, after, oldMode != 0 && newMode != 0 && oldId.equals(newId));
        return stats < 0 ? new FileChangeRow(sha, path, oldPath, type, binary)
                : new FileChangeRow(sha, path, oldPath, type, binary, LineStats.added(stats),
                LineStats.deleted(stats));
    }

    private void diffWithRenames(String sha, List<FileChangeRow> out) throws IOException {
        List<DiffEntry> entries = DiffEntry.scan(walk);
        renames.reset();
        // DiffEntry.scan splits a type change (file <-> symlink) into D + A of one path; git -M reports it as T
        java.util.Map<String, DiffEntry> deletes = new java.util.HashMap<>();
        for (DiffEntry e : entries) {
            if (e.getChangeType() == DiffEntry.ChangeType.DELETE) {
                deletes.put(e.getOldPath(), e);
            }
        }
        java.util.Set<DiffEntry> typeChanged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (DiffEntry e : entries) {
            DiffEntry d = e.getChangeType() == DiffEntry.ChangeType.ADD ? deletes.get(e.getNewPath()) : null;
            if (d != null) {
                typeChanged.add(d);
                typeChanged.add(e);
                out.add(row(sha, e.getNewPath(), null, 'T', d.getOldMode().getBits(), d.getOldId().toObjectId(),
                        e.getNewMode().getBits(), e.getNewId().toObjectId()));
            }
        }
        for (DiffEntry e : entries) {
            if (!typeChanged.contains(e)) {
                renames.add(e);
            }
        }
        try {
            entries = renames.compute(reader, NullProgressMonitor.INSTANCE);
        } catch (org.eclipse.jgit.api.errors.CanceledException e) {
            throw new IOException("rename detection cancelled", e);
        }
        for (DiffEntry e : entries) {
            char type = switch (e.getChangeType()) {
                case ADD -> 'A';
                case DELETE -> 'D';
                case MODIFY -> sameKind(e.getOldMode(), e.getNewMode()) ? 'M' : 'T';
                case RENAME -> 'R';
                case COPY -> 'C';
            };
            boolean moved = type == 'R' || type == 'C';
            out.add(row(sha, type == 'D' ? e.getOldPath() : e.getNewPath(), moved ? e.getOldPath() : null, type,
                    e.getOldMode().getBits(), e.getOldId().toObjectId(), e.getNewMode().getBits(),
                    e.getNewId().toObjectId()));
        }
    }

    private boolean isBinary(ObjectId blob) throws IOException {
        Boolean known = binaryByBlob.get(blob);
        if (known != null) {
            return known;
        }
        boolean binary = readIsBinary(blob);
        binaryByBlob.put(blob, binary);
        return binary;
    }

    private boolean readIsBinary(AnyObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        if (!loader.isLarge()) {
            byte[] bytes = loader.getCachedBytes();
            return hasNul(bytes, Math.min(bytes.length, BINARY_PROBE));
        }
        try (ObjectStream in = loader.openStream()) {
            int n = in.readNBytes(probe, 0, BINARY_PROBE);
            return hasNul(probe, n);
        }
    }

    private static boolean sameKind(FileMode a, FileMode b) {
        return (a.getBits() & FileMode.TYPE_MASK) == (b.getBits() & FileMode.TYPE_MASK);
    }

    static boolean hasNul(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        walk.close();
        reader.close();
    }
}
