package dev.egregora.git;

import dev.egregora.core.port.RevisionDates;
import dev.egregora.git.store.HistoryColumns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers history questions in memory, after the two bulk queries of {@code GitHistoryStore.readHistory}: sorted
 * primitive arrays and binary search, no query or git call per lookup.
 * <ul>
 *   <li>SHA prefix → commit, over every loaded commit;</li>
 *   <li>time → the commit that was the branch's tip then (its first-parent line, newest commit at or before the
 *       time);</li>
 *   <li>path → created/updated, in bulk ({@link RevisionDates}), and path → exists at a time, from the first-parent
 *       diffs along the branch.</li>
 * </ul>
 * Immutable and thread-safe once built.
 */
public final class GitHistoryResolver implements RevisionDates {
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private final String branch;
    private final String[] sha;
    /** First 16 hex digits of each SHA as an unsigned long: same order as {@link #sha}. */
    private final long[] shaHi;
    private final long[] commitTime;
    private final long[] authorTime;
    private final String[] authorName;
    private final String[] subject;
    /** Commit indexes of the branch's first-parent line, tip first. */
    private final int[] line;
    /** Running minimum of commit time along {@link #line}: non-increasing, so binary-searchable. */
    private final long[] lineMinTime;
    /** Paths ever changed on the line, sorted; a path's id is its index here. */
    private final String[] paths;
    private final Map<String, Integer> pathIds;
    /** Per path: [eventStart[p], eventStart[p + 1]) in the event arrays, positions ascending (newest first). */
    private final int[] eventStart;
    private final int[] eventPos;
    private final byte[] eventState;

    private GitHistoryResolver(String branch, HistoryColumns h, int tip) {
        this.branch = branch;
        this.sha = h.sha();
        this.shaHi = new long[sha.length];
        for (int i = 0; i < sha.length; i++) {
            int k = Math.min(16, sha[i].length());
            long v = Long.parseUnsignedLong(sha[i], 0, k, 16);
            shaHi[i] = k == 16 ? v : v << (4 * (16 - k));
        }
        this.commitTime = h.commitTime();
        this.authorTime = h.authorTime();
        this.authorName = h.authorName();
        this.subject = h.subject();
        int n = sha.length;

        // the first-parent line from the tip
        int[] lineBuf = new int[Math.max(1, Math.min(n, 1024))];
        int[] posOf = new int[n];
        Arrays.fill(posOf, -1);
        int len = 0;
        int c = tip;
        while (c >= 0 && posOf[c] < 0) {
            if (len == lineBuf.length) {
                lineBuf = Arrays.copyOf(lineBuf, len * 2);
            }
            posOf[c] = len;
            lineBuf[len++] = c;
            String parent = h.firstParent()[c];
            c = parent == null ? -1 : indexOf(parent);
        }
        this.line = Arrays.copyOf(lineBuf, len);
        this.lineMinTime = new long[len];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < len; i++) {
            min = Math.min(min, commitTime[line[i]]);
            lineMinTime[i] = min;
        }

        // events of the paths changed on the line, as (path id, line position, state) packed in longs and sorted
        int m = h.changeCommit().length;
        Map<String, Integer> ids = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (posOf[h.changeCommit()[j]] >= 0) {
                count += intern(h.changePath()[j], ids, distinct);
                if (h.changeType()[j] == 'R') {
                    count += intern(h.changeOldPath()[j], ids, distinct);
                }
            }
        }
        String[] sorted = distinct.toArray(String[]::new);
        Arrays.sort(sorted);
        for (int r = 0; r < sorted.length; r++) {
            ids.put(sorted[r], r);
        }
        long[] events = new long[count];
        int k = 0;
        for (int j = 0; j < m; j++) {
            int pos = posOf[h.changeCommit()[j]];
            if (pos < 0) {
                continue;
            }
            byte type = h.changeType()[j];
            events[k++] = pack(ids.get(h.changePath()[j]), pos, type == 'D' ? ABSENT : PRESENT);
            if (type == 'R') {
                events[k++] = pack(ids.get(h.changeOldPath()[j]), pos, ABSENT);
            }
        }
        Arrays.sort(events);
        this.paths = sorted;
        this.pathIds = ids;
        this.eventStart = new int[sorted.length + 1];
        this.eventPos = new int[count];
        this.eventState = new byte[count];
        int path = -1;
        for (int i = 0; i < count; i++) {
            int p = (int) (events[i] >>> 32);
            while (path < p) {
                eventStart[++path] = i;
            }
            eventPos[i] = (int) ((events[i] >>> 1) & 0x7fffffffL);
            eventState[i] = (byte) (events[i] & 1);
        }
        while (path < sorted.length) {
            eventStart[++path] = count;
        }
    }

    /** Index of a full SHA: a binary search on the leading 64 bits, then a string check. */
    private int indexOf(String full) {
        if (full.length() < 16) {
            return Arrays.binarySearch(sha, full);
        }
        long key = Long.parseUnsignedLong(full, 0, 16, 16);
        int a = 0;
        int b = shaHi.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (Long.compareUnsigned(shaHi[mid], key) < 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        for (int i = a; i < shaHi.length && shaHi[i] == key; i++) {
            if (sha[i].equals(full)) {
                return i;
            }
        }
        return -1;
    }

    private static int intern(String path, Map<String, Integer> ids, List<String> distinct) {
        if (!ids.containsKey(path)) {
            ids.put(path, distinct.size());
            distinct.add(path);
        }
        return 1;
    }

    private static long pack(int pathId, int pos, byte state) {
        return ((long) pathId << 32) | ((long) pos << 1) | state;
    }

    /**
     * Builds a resolver over {@code history} for the branch whose tip is {@code tipSha} ({@code null}: no branch,
     * only SHA lookups work).
     */
    public static GitHistoryResolver of(HistoryColumns history, String branch, String tipSha) {
        int tip = tipSha == null ? -1 : Arrays.binarySearch(history.sha(), tipSha);
        return new GitHistoryResolver(branch, history, tip < 0 ? -1 : tip);
    }

    /** The branch this resolver follows (may be {@code null}). */
    public String branch() {
        return branch;
    }

    /** Number of loaded commits. */
    public int commitCount() {
        return sha.length;
    }

    /** Number of commits on the branch's first-parent line. */
    public int lineLength() {
        return line.length;
    }

    /** Every path changed on the branch's line, sorted. */
    public List<String> paths() {
        return List.of(paths);
    }

    /** The commit whose SHA starts with {@code prefix} (4-40 hex, any case); empty when unknown or ambiguous. */
    public Optional<CommitInfo> commit(String prefix) {
        int i = commitIndex(prefix);
        return i < 0 ? Optional.empty() : Optional.of(info(i));
    }

    /** Index of the unique commit starting with {@code prefix}, or -1. */
    int commitIndex(String prefix) {
        int len = prefix.length();
        if (len < 4 || len > 40) {
            return -1;
        }
        int k = Math.min(16, len);
        long v = 0;
        for (int i = 0; i < k; i++) {
            int d = Character.digit(prefix.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        int shift = 4 * (16 - k);
        long lo = shift == 64 ? 0 : v << shift;
        long hi = shift == 0 ? lo : lo | ((1L << shift) - 1);
        int a = 0;
        int b = shaHi.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (Long.compareUnsigned(shaHi[mid], lo) < 0) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if (len <= 16) {
            if (a >= shaHi.length || Long.compareUnsigned(shaHi[a], hi) > 0) {
                return -1;
            }
            return a + 1 < shaHi.length && Long.compareUnsigned(shaHi[a + 1], hi) <= 0 ? -1 : a;
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = a; i < shaHi.length && shaHi[i] == lo; i++) {
            if (sha[i].startsWith(p)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    /** The commit that was the branch's tip at {@code time}: the newest commit of its line at or before it. */
    public Optional<CommitInfo> at(Instant time) {
        int pos = linePosAt(time.getEpochSecond());
        return pos < 0 ? Optional.empty() : Optional.of(info(line[pos]));
    }

    /** Position on the line of the tip at {@code epochSeconds}, or -1 before the first commit. */
    int linePosAt(long epochSeconds) {
        // lineMinTime is non-increasing: find the first position whose running minimum is <= the time
        int lo = 0;
        int hi = line.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lineMinTime[mid] > epochSeconds) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < line.length ? lo : -1;
    }

    /** Whether {@code path} existed in the branch's tree at {@code time}. */
    public boolean existsAt(String path, Instant time) {
        int p = pathId(path);
        if (p < 0) {
            return false;
        }
        int pos = linePosAt(time.getEpochSecond());
        if (pos < 0) {
            return false;
        }
        int e = firstEventAtOrAfter(p, pos);
        return e >= 0 && eventState[e] == PRESENT;
    }

    /** Whether {@code path} was ever changed on the branch (cheap pre-check for code references). */
    public boolean isKnownPath(String path) {
        return pathIds.containsKey(path);
    }

    private int pathId(String path) {
        Integer id = pathIds.get(path);
        return id == null ? -1 : id;
    }

    /** The newest event of path {@code p} at line position {@code pos} or older, or -1. */
    private int firstEventAtOrAfter(int p, int pos) {
        int lo = eventStart[p];
        int hi = eventStart[p + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventPos[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < eventStart[p + 1] ? lo : -1;
    }

    @Override
    public Map<String, Revision> of(Collection<String> wanted) {
        Map<String, Revision> out = new HashMap<>(Math.max(16, wanted.size() * 2));
        for (String path : wanted) {
            int p = pathId(path);
            if (p < 0) {
                continue;
            }
            int newest = line[eventPos[eventStart[p]]];
            int oldest = line[eventPos[eventStart[p + 1] - 1]];
            out.put(path, new Revision(Instant.ofEpochSecond(authorTime[oldest]),
                    Instant.ofEpochSecond(authorTime[newest]), sha[oldest], sha[newest]));
        }
        return out;
    }

    /** The history of one path on the branch. */
    public Optional<FileHistory> file(String path) {
        int p = pathId(path);
        if (p < 0) {
            return Optional.empty();
        }
        int from = eventStart[p];
        int to = eventStart[p + 1];
        Set<String> authors = new LinkedHashSet<>();
        int changes = 0;
        int lastPos = -1;
        for (int e = from; e < to; e++) {
            if (eventPos[e] != lastPos) {
                changes++;
                lastPos = eventPos[e];
                authors.add(authorName[line[eventPos[e]]]);
            }
        }
        int newest = line[eventPos[from]];
        int oldest = line[eventPos[to - 1]];
        return Optional.of(new FileHistory(path, Instant.ofEpochSecond(authorTime[oldest]),
                Instant.ofEpochSecond(authorTime[newest]), sha[oldest], sha[newest], changes,
                List.copyOf(authors), eventState[from] == PRESENT));
    }

    private CommitInfo info(int i) {
        return new CommitInfo(sha[i], Instant.ofEpochSecond(commitTime[i]), Instant.ofEpochSecond(authorTime[i]),
                authorName[i], subject[i]);
    }
}
