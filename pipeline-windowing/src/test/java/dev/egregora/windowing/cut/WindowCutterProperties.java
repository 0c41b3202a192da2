package dev.egregora.windowing.cut;

import dev.egregora.core.port.Windower.Spec;
import dev.egregora.core.port.Windower.Unit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The windowing invariants, for every unit, over random message streams. */
class WindowCutterProperties {
    static final long MINUTE = 60_000_000L;

    /** A random chat: non-decreasing timestamps with bursts and long silences, byte lengths 0..2000. */
    record Stream(long[] ts, int[] bytes) {
        @Override
        public String toString() {
            return "Stream(n=" + ts.length + ")";
        }
    }

    @Provide
    Arbitrary<Stream> streams() {
        Arbitrary<Long> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 5 * MINUTE)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 3 * 60 * MINUTE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 4 * 24 * 60 * MINUTE)));
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 2000)));
        return Arbitraries.integers().between(0, 400).flatMap(n -> Combinators.combine(
                gaps.array(long[].class).ofSize(n), sizes.array(int[].class).ofSize(n)).as((g, b) -> {
                    long[] ts = new long[n];
                    long t = 1_600_000_000_000_000L;
                    for (int i = 0; i < n; i++) {
                        t += g[i];
                        ts[i] = t;
                    }
                    return new Stream(ts, b);
                }));
    }

    @Provide
    Arbitrary<Double> ratios() {
        return Arbitraries.of(0.0, 0.1, 0.2, 0.25, 0.5);
    }

    @Provide
    Arbitrary<Duration> maxTimes() {
        return Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofDays(2)).injectNull(0.4);
    }

    @Property(tries = 300)
    void messages(@ForAll("streams") Stream s, @ForAll("ratios") double ratio, @ForAll("maxTimes") Duration maxTime,
                  @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 60) int size) {
        Cuts cuts = cut(Unit.MESSAGES, size, ratio, maxTime, null, s);
        assertCommonInvariants(cuts, s);
        long ov = (long) Math.floor(size * ratio);
        for (int w = 0; w < cuts.count(); w++) {
            assertThat(cuts.end(w) - cuts.first(w)).isLessThanOrEqualTo((int) (size + ov));
            assertSpan(cuts, s, w, maxTime);
            if (w > 0) {
                assertThat(cuts.end(w - 1) - cuts.first(w)).as("shared messages").isLessThanOrEqualTo((int) ov);
            }
        }
        if (maxTime == null && cuts.count() > 0) {
            int last = cuts.count() - 1;
            for (int w = 0; w < last; w++) {
                assertThat(cuts.first(w)).isEqualTo(w * size); // the original's fixed grid
            }
        }
    }

    @Property(tries = 300)
    void bytes(@ForAll("streams") Stream s, @ForAll("ratios") double ratio, @ForAll("maxTimes") Duration maxTime,
               @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5000) int cap) {
        Cuts cuts = cut(Unit.BYTES, cap, ratio, maxTime, null, s);
        assertCommonInvariants(cuts, s);
        long ovBytes = (long) Math.floor(cap * ratio);
        int oversized = 0;
        for (int w = 0; w < cuts.count(); w++) {
            long b = bytes(s, cuts.first(w), cuts.end(w));
            if (cuts.end(w) - cuts.first(w) > 1) {
                assertThat(b).as("bytes of window %d", w).isLessThanOrEqualTo(cap);
            } else if (b > cap) {
                oversized++;
            }
            assertSpan(cuts, s, w, maxTime);
            if (w > 0 && cuts.end(w - 1) > cuts.first(w)) {
                assertThat(bytes(s, cuts.first(w), cuts.end(w - 1))).as("shared bytes").isLessThanOrEqualTo(ovBytes);
            }
        }
        assertThat(cuts.oversized()).isEqualTo(oversized);
    }

    @Property(tries = 300)
    void hours(@ForAll("streams") Stream s, @ForAll("ratios") double ratio,
               @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 30) int size) {
        timeInvariants(Unit.HOURS, size, ratio, 3_600_000_000L, s);
    }

    @Property(tries = 300)
    void days(@ForAll("streams") Stream s, @ForAll("ratios") double ratio,
              @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 3) int size) {
        timeInvariants(Unit.DAYS, size, ratio, 24 * 3_600_000_000L, s);
    }

    private void timeInvariants(Unit unit, int size, double ratio, long unitMicros, Stream s) {
        Cuts cuts = cut(unit, size, ratio, null, null, s);
        assertCommonInvariants(cuts, s);
        long step = size * unitMicros;
        long ov = (long) Math.floor(step * ratio);
        for (int w = 0; w < cuts.count(); w++) {
            assertThat(s.ts[cuts.end(w) - 1] - s.ts[cuts.first(w)]).isLessThan(step + ov);
            if (w > 0 && cuts.end(w - 1) > cuts.first(w)) {
                assertThat(s.ts[cuts.end(w - 1) - 1] - s.ts[cuts.first(w)]).as("shared time").isLessThan(ov);
            }
        }
    }

    @Property(tries = 300)
    void conversations(@ForAll("streams") Stream s, @ForAll("ratios") double ratio,
                       @ForAll("maxTimes") Duration maxTime,
                       @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 60) int size) {
        Duration gap = Duration.ofHours(2);
        Cuts cuts = cut(Unit.CONVERSATION, size, ratio, maxTime, gap, s);
        assertCommonInvariants(cuts, s);
        long ov = (long) Math.floor(size * ratio);
        for (int w = 0; w < cuts.count(); w++) {
            int f = cuts.first(w);
            int e = cuts.end(w);
            assertThat(e - f).isLessThanOrEqualTo((int) (size + ov));
            for (int i = f + 1; i < e; i++) {
                assertThat(s.ts[i] - s.ts[i - 1]).as("no silence inside a window").isLessThanOrEqualTo(gap.toNanos() / 1000);
            }
            if (e - f > 1) {
                assertThat(bytes(s, f, e)).isLessThanOrEqualTo(CutSpec.DEFAULT_BYTE_CAP);
            }
            assertSpan(cuts, s, w, maxTime);
            if (w > 0) {
                assertThat(cuts.end(w - 1) - f).as("shared messages").isLessThanOrEqualTo((int) ov);
            }
        }
    }

    private static Cuts cut(Unit unit, long size, double ratio, Duration maxTime, Duration gap, Stream s) {
        return new WindowCutter(CutSpec.from(new Spec(unit, size, ratio, maxTime, gap, "w"))).cut(s.ts, s.bytes);
    }

    /** Non-empty, ordered, covering, deterministic. */
    private static void assertCommonInvariants(Cuts cuts, Stream s) {
        int n = s.ts.length;
        if (n == 0) {
            assertThat(cuts.count()).isZero();
            return;
        }
        assertThat(cuts.count()).isPositive();
        assertThat(cuts.first(0)).isZero();
        assertThat(cuts.end(cuts.count() - 1)).isEqualTo(n);
        for (int w = 0; w < cuts.count(); w++) {
            assertThat(cuts.first(w)).isLessThan(cuts.end(w));
            if (w > 0) {
                assertThat(cuts.first(w)).as("ordered").isGreaterThan(cuts.first(w - 1));
                assertThat(cuts.end(w)).as("ordered").isGreaterThan(cuts.end(w - 1));
                assertThat(cuts.first(w)).as("no message left out").isLessThanOrEqualTo(cuts.end(w - 1));
            }
        }
    }

    private static void assertSpan(Cuts cuts, Stream s, int w, Duration maxTime) {
        if (maxTime != null && cuts.end(w) - cuts.first(w) > 1) {
            assertThat(s.ts[cuts.end(w) - 1] - s.ts[cuts.first(w)]).isLessThanOrEqualTo(maxTime.toNanos() / 1000);
        }
    }

    private static long bytes(Stream s, int from, int to) {
        long b = 0;
        for (int i = from; i < to; i++) {
            b += s.bytes[i];
        }
        return b;
    }
}
