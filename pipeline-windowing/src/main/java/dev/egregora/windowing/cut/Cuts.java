package dev.egregora.windowing.cut;

import java.util.Arrays;

/**
 * The windows of one message list: window {@code i} holds positions {@code [first(i), end(i))}. Both arrays are
 * strictly increasing, windows are never empty, and together they cover every position.
 *
 * @param firsts    first position of each window (inclusive)
 * @param ends      end position of each window (exclusive)
 * @param oversized messages bigger than the byte cap that were given a window of their own
 */
public record Cuts(int[] firsts, int[] ends, int oversized) {

    public int count() {
        return firsts.length;
    }

    public int first(int window) {
        return firsts[window];
    }

    public int end(int window) {
        return ends[window];
    }

    /** Message counts per window, for tests and the window table. */
    public int[] sizes() {
        int[] s = new int[firsts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = ends[i] - firsts[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cuts c && Arrays.equals(firsts, c.firsts) && Arrays.equals(ends, c.ends)
                && oversized == c.oversized;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(firsts) + Arrays.hashCode(ends) + oversized;
    }

    @Override
    public String toString() {
        return "Cuts" + Arrays.toString(sizes());
    }

    /** Growable pair of int arrays; drops a window that lies wholly inside the previous one. */
    static final class Builder {
        private int[] firsts = new int[16];
        private int[] ends = new int[16];
        private int count;
        private int oversized;

        void add(int first, int end) {
            if (count > 0 && end <= ends[count - 1]) {
                return;
            }
            if (count == firsts.length) {
                firsts = Arrays.copyOf(firsts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            firsts[count] = first;
            ends[count] = end;
            count++;
        }

        void oversized() {
            oversized++;
        }

        Cuts build() {
            return new Cuts(Arrays.copyOf(firsts, count), Arrays.copyOf(ends, count), oversized);
        }
    }
}
