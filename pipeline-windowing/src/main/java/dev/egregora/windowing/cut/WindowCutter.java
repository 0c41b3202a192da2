package dev.egregora.windowing.cut;

import java.util.Objects;

/**
 * Cuts one chat's messages, given as primitive columns in (ts, seq) order, into windows. Pure and allocation-light:
 * prefix sums of byte lengths and binary searches over timestamps, O(n + w log n) for n messages and w windows.
 * Immutable and thread-safe.
 *
 * <p>Every unit yields windows that are non-empty, ordered (first and end positions strictly increasing), and that
 * cover every message; a window that would lie wholly inside the previous one is not emitted.
 */
public final class WindowCutter {
    private final CutSpec spec;

    public WindowCutter(CutSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public CutSpec spec() {
        return spec;
    }

    /**
     * @param tsMicros epoch microseconds, non-decreasing
     * @param bytes    UTF-8 byte length of each message (same length as {@code tsMicros})
     */
    public Cuts cut(long[] tsMicros, int[] bytes) {
        return cut(tsMicros, bytes, 0, tsMicros.length);
    }

    /** Cuts the slice {@code [from, to)}; positions in the result are relative to {@code from}. */
    public Cuts cut(long[] tsMicros, int[] bytes, int from, int to) {
        if (bytes.length != tsMicros.length) {
            throw new IllegalArgumentException("column lengths differ: " + tsMicros.length + " vs " + bytes.length);
        }
        Objects.checkFromToIndex(from, to, tsMicros.length);
        Cuts.Builder out = new Cuts.Builder();
        if (to == from) {
            return out.build();
        }
        switch (spec.unit()) {
            case MESSAGES -> chunked(tsMicros, null, from, to, from, out);
            case CONVERSATION -> conversations(tsMicros, prefix(bytes, from, to), from, to, out);
            case BYTES -> byBytes(tsMicros, prefix(bytes, from, to), from, to, out);
            case HOURS, DAYS -> byTime(tsMicros, from, to, out);
        }
        return out.build();
    }

    /** prefix[k] = bytes of messages [from, from + k). */
    private static long[] prefix(int[] bytes, int from, int to) {
        long[] p = new long[to - from + 1];
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i];
            p[i - from + 1] = sum;
        }
        return p;
    }

    /** CONVERSATION: split at silences longer than the gap, then chunk each conversation under the caps. */
    private void conversations(long[] ts, long[] prefix, int from, int to, Cuts.Builder out) {
        long gap = spec.gapMicros();
        int start = from;
        for (int i = from + 1; i < to; i++) {
            if (ts[i] - ts[i - 1] > gap) {
                chunked(ts, prefix, from, i, start, out, spec.byteCap());
                start = i;
            }
        }
        chunked(ts, prefix, from, to, start, out, spec.byteCap());
    }

    private void chunked(long[] ts, long[] prefix, int from, int to, int start, Cuts.Builder out) {
        chunked(ts, prefix, from, to, start, out, 0);
    }

    /**
     * Cores of at most {@code size} messages (and, when set, at most the byte cap and the max span), each extended
     * forward by up to {@code floor(size * overlap)} messages of the next core within the same limits. Without a
     * span or byte limit this is exactly the original's count windowing: {@code [i*step, i*step+step+overlap)}.
     * Works on {@code [start, to)}; positions are emitted relative to {@code from}.
     */
    private void chunked(long[] ts, long[] prefix, int from, int to, int start, Cuts.Builder out, long byteCap) {
        long size = spec.size();
        long ov = spec.overlapMessages();
        long maxSpan = spec.maxSpanMicros();
        int s = start;
        while (s < to) {
            int limit = to;
            if (maxSpan > 0) {
                limit = Math.min(limit, upperBound(ts, s, limit, ts[s] + maxSpan));
            }
            if (byteCap > 0) {
                limit = Math.min(limit, from + bytesEnd(prefix, s - from, limit - from, byteCap));
            }
            limit = Math.max(limit, s + 1);
            int e = (int) Math.min(limit, s + size);
            int x = (int) Math.min(limit, e + ov);
            if (byteCap > 0 && x - s == 1 && prefix[s - from + 1] - prefix[s - from] > byteCap) {
                out.oversized();
            }
            out.add(s - from, x - from);
            s = e;
        }
    }

    /**
     * BYTES: from start {@code s}, the longest run whose real UTF-8 bytes (first message included) fit the cap (at
     * least one message, a lone oversized message gets its own window); the next window starts after the window's
     * trailing messages whose total fits {@code floor(cap * overlap)} (at least one message later).
     */
    private void byBytes(long[] ts, long[] prefix, int from, int to, Cuts.Builder out) {
        long cap = spec.size();
        long ovBytes = spec.overlapBytes();
        long maxSpan = spec.maxSpanMicros();
        int n = to - from;
        int s = 0;
        while (s < n) {
            int e = bytesEnd(prefix, s, n, cap);
            if (maxSpan > 0) {
                e = Math.min(e, upperBound(ts, from + s, to, ts[from + s] + maxSpan) - from);
            }
            if (e <= s) {
                e = s + 1;
            }
            if (e - s == 1 && prefix[e] - prefix[s] > cap) {
                out.oversized();
            }
            out.add(s, e);
            if (e == n) {
                return;
            }
            int next = e;
            if (ovBytes > 0) {
                // smallest j in [s+1, e] with prefix[e] - prefix[j] <= ovBytes
                int lo = s + 1;
                int hi = e;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (prefix[e] - prefix[mid] <= ovBytes) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                next = lo;
            }
            s = next;
        }
    }

    /**
     * HOURS/DAYS: nominal windows {@code [t0 + k*step, t0 + k*step + step + overlap)} from the first message's time
     * {@code t0}; only steps that contain a message start a window (no empty windows).
     */
    private void byTime(long[] ts, int from, int to, Cuts.Builder out) {
        long step = spec.stepMicros();
        long reach = step + spec.overlapMicros();
        long t0 = ts[from];
        int s = from;
        while (s < to) {
            long k = Math.floorDiv(ts[s] - t0, step);
            long nominal = t0 + k * step;
            int coreEnd = lowerBound(ts, s, to, nominal + step);
            int x = reach == step ? coreEnd : lowerBound(ts, coreEnd, to, nominal + reach);
            out.add(s - from, x - from);
            s = coreEnd;
        }
    }

    /** Largest k in [s, n] with prefix[k] - prefix[s] <= cap. Gallops from s: O(log window size). */
    private static int bytesEnd(long[] prefix, int s, int n, long cap) {
        long limit = prefix[s] + cap;
        // first k in (s, n] with prefix[k] > limit, minus one
        int first = lowerBound(prefix, s + 1, n + 1, limit + 1);
        return first - 1;
    }

    /** First index in [lo, hi) with ts >= value, or hi. Gallops from lo: O(log distance). */
    static int lowerBound(long[] ts, int lo, int hi, long value) {
        int step = 1;
        int base = lo;
        while (base + step < hi && ts[base + step] < value) {
            base += step;
            step <<= 1;
        }
        int l = base;
        int h = Math.min(hi, base + step);
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (ts[mid] < value) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        return l;
    }

    /** First index in [lo, hi) with ts > value, or hi. Gallops from lo: O(log distance). */
    static int upperBound(long[] ts, int lo, int hi, long value) {
        return value == Long.MAX_VALUE ? hi : lowerBound(ts, lo, hi, value + 1);
    }
}
