package dev.egregora.site.html;

/**
 * A fast, deterministic 128-bit fingerprint of a sequence of strings and numbers, for change detection of build
 * inputs (not a cryptographic hash). Each value is length-prefixed, so {@code ("ab","c")} and {@code ("a","bc")}
 * differ. Not thread-safe; one instance per fingerprint.
 */
public final class Fingerprint {
    private long h1 = 0x9E3779B97F4A7C15L;
    private long h2 = 0xC2B2AE3D27D4EB4FL;

    public Fingerprint add(String s) {
        if (s == null) {
            return add(-1L);
        }
        int n = s.length();
        mix(n);
        long a = h1;
        long b = h2;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long v = s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            a = Long.rotateLeft((a ^ v) * 0x9E3779B97F4A7C15L, 27);
            b = (b + v) * 0xC2B2AE3D27D4EB4FL ^ (b >>> 31);
        }
        for (; i < n; i++) {
            long v = s.charAt(i);
            a = Long.rotateLeft((a ^ v) * 0x9E3779B97F4A7C15L, 27);
            b = (b + v) * 0xC2B2AE3D27D4EB4FL ^ (b >>> 31);
        }
        h1 = a;
        h2 = b;
        return this;
    }

    public Fingerprint add(long v) {
        mix(v);
        return this;
    }

    public Fingerprint add(boolean b) {
        return add(b ? 1L : 0L);
    }

    private void mix(long v) {
        h1 = fmix(h1 ^ v) + 0x632BE59BD9B4E019L;
        h2 = fmix(h2 + v * 0x94D049BB133111EBL) ^ h1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** The first 64 bits, for combining into other fingerprints. */
    public long low() {
        return fmix(h1 ^ Long.rotateLeft(h2, 17));
    }

    /** 32 hex digits. */
    public String hex() {
        char[] out = new char[32];
        put(out, 0, fmix(h1));
        put(out, 16, fmix(h2 ^ h1));
        return new String(out);
    }

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private static void put(char[] out, int at, long v) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = DIGITS[(int) (v & 0xF)];
            v >>>= 4;
        }
    }
}
