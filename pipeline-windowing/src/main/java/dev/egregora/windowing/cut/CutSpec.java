package dev.egregora.windowing.cut;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.Windower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Validated, primitive form of {@link Windower.Spec} that {@link WindowCutter} works from. All times are in
 * microseconds; {@code 0} means "no limit".
 *
 * @param unit          how windows are measured
 * @param size          messages per window (MESSAGES, CONVERSATION cap), hours or days per window (HOURS/DAYS,
 *                      after the max-window-time adjustment), or the byte cap (BYTES)
 * @param overlap       ratio in [0, 0.5]
 * @param stepMicros    HOURS/DAYS: the window step in microseconds (0 for the other units)
 * @param maxSpanMicros MESSAGES/BYTES/CONVERSATION: the longest time a window may span (0: none)
 * @param gapMicros     CONVERSATION: a silence longer than this starts a new window
 * @param byteCap       CONVERSATION: the byte cap of one window (BYTES uses {@code size})
 */
public record CutSpec(Windower.Unit unit, long size, double overlap, long stepMicros, long maxSpanMicros,
                      long gapMicros, long byteCap) {
    private static final Logger LOG = LoggerFactory.getLogger(CutSpec.class);

    /** The original's {@code max_bytes_per_window}, used as the byte cap of conversation windows. */
    public static final long DEFAULT_BYTE_CAP = 320_000;
    /** Default silence that separates two conversations. */
    public static final Duration DEFAULT_GAP = Duration.ofHours(6);
    public static final double MAX_OVERLAP = 0.5;

    static final long MICROS_PER_HOUR = 3_600_000_000L;
    static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    public CutSpec {
        if (unit == null) {
            throw new EgregoraException("window unit is required (messages, hours, days, bytes or conversation)");
        }
        if (size < 1) {
            throw new EgregoraException("window size must be at least 1, got " + size);
        }
        if (!(overlap >= 0 && overlap <= MAX_OVERLAP)) {
            throw new EgregoraException("window overlap must be in [0, 0.5], got " + overlap);
        }
    }

    /**
     * Validates a port spec: clamps the overlap to [0, 0.5] (with a log line, as the original), and for HOURS/DAYS
     * applies the original's max-window-time adjustment: if the requested step is longer than {@code maxWindowTime},
     * the step becomes {@code m = maxWindowTime / (1 + overlap)}, in whole hours if {@code m < 24h}, else whole days
     * (at least one).
     */
    public static CutSpec from(Windower.Spec spec) {
        if (spec == null || spec.unit() == null) {
            throw new EgregoraException("window unit is required (messages, hours, days, bytes or conversation)");
        }
        if (spec.size() < 1) {
            throw new EgregoraException("window size must be at least 1, got " + spec.size());
        }
        double ratio = spec.overlap();
        if (Double.isNaN(ratio)) {
            throw new EgregoraException("window overlap must be a number in [0, 0.5]");
        }
        double clamped = Math.max(0, Math.min(MAX_OVERLAP, ratio));
        if (clamped != ratio) {
            LOG.info("Overlap ratio {} clamped to {}", ratio, clamped);
        }
        long maxSpan = 0;
        if (spec.maxWindowTime() != null) {
            if (spec.maxWindowTime().isNegative() || spec.maxWindowTime().isZero()) {
                throw new EgregoraException("max window time must be positive, got " + spec.maxWindowTime());
            }
            maxSpan = micros(spec.maxWindowTime());
        }
        long gap = 0;
        if (spec.unit() == Windower.Unit.CONVERSATION) {
            Duration g = spec.gap() == null ? DEFAULT_GAP : spec.gap();
            if (g.isNegative() || g.isZero()) {
                throw new EgregoraException("conversation gap must be positive, got " + g);
            }
            gap = micros(g);
        }
        return switch (spec.unit()) {
            case HOURS, DAYS -> timeSpec(spec.unit(), spec.size(), clamped, maxSpan);
            case MESSAGES -> new CutSpec(spec.unit(), spec.size(), clamped, 0, maxSpan, 0, 0);
            case BYTES -> new CutSpec(spec.unit(), spec.size(), clamped, 0, maxSpan, 0, 0);
            case CONVERSATION -> new CutSpec(spec.unit(), spec.size(), clamped, 0, maxSpan, gap, DEFAULT_BYTE_CAP);
        };
    }

    private static CutSpec timeSpec(Windower.Unit unit, long size, double ratio, long maxSpan) {
        long unitMicros = unit == Windower.Unit.HOURS ? MICROS_PER_HOUR : MICROS_PER_DAY;
        if (size > Long.MAX_VALUE / 4 / unitMicros) {
            throw new EgregoraException("window size " + size + " " + unit.name().toLowerCase(java.util.Locale.ROOT) + " is too large");
        }
        long step = size * unitMicros;
        Windower.Unit effectiveUnit = unit;
        long effectiveSize = size;
        if (maxSpan > 0 && step > maxSpan) {
            double m = maxSpan / (1 + ratio);
            if (m < MICROS_PER_DAY) {
                effectiveUnit = Windower.Unit.HOURS;
                effectiveSize = Math.max((long) Math.floor(m / MICROS_PER_HOUR), 1);
                step = effectiveSize * MICROS_PER_HOUR;
            } else {
                effectiveUnit = Windower.Unit.DAYS;
                effectiveSize = Math.max((long) Math.floor(m / MICROS_PER_DAY), 1);
                step = effectiveSize * MICROS_PER_DAY;
            }
            LOG.info("Adjusted window size from {} {} to {} {} to respect max_window_time", size,
                    unit.name().toLowerCase(java.util.Locale.ROOT), effectiveSize, effectiveUnit.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new CutSpec(effectiveUnit, effectiveSize, ratio, step, 0, 0, 0);
    }

    private static long micros(Duration d) {
        try {
            return Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1_000;
        } catch (ArithmeticException e) {
            throw new EgregoraException("duration too large: " + d);
        }
    }

    /** MESSAGES/CONVERSATION: how many messages a window may extend into the next one. */
    public long overlapMessages() {
        return (long) Math.floor(size * overlap);
    }

    /** BYTES: how many bytes of a window may be repeated at the start of the next one. */
    public long overlapBytes() {
        return (long) Math.floor(size * overlap);
    }

    /** HOURS/DAYS: how far past its step a window reaches into the next one. */
    public long overlapMicros() {
        return (long) Math.floor(stepMicros * overlap);
    }
}
