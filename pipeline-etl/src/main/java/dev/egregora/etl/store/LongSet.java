package dev.egregora.etl.store;

/** A growable open-addressing set of longs (0 is stored out of band). Not thread-safe. */
public final class LongSet {
    private long[] table = new long[1 << 10];
    private int size;
    private boolean hasZero;

    /** Adds {@code v}; returns false if it was present. */
    public boolean add(long v) {
        if (v == 0) {
            boolean had = hasZero;
            hasZero = true;
            return !had;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = mix(v) & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        size++;
        return true;
    }

    public boolean contains(long v) {
        if (v == 0) {
            return hasZero;
        }
        int mask = table.length - 1;
        int i = mix(v) & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != 0) {
                add(v);
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
