package dev.egregora.core.pipeline;

import java.time.Duration;

/** How long one stage took and how many items it handled. */
public record StageTiming(String stage, Duration elapsed, long items) {

    /** Items per second, or 0 when nothing was timed. */
    public double throughput() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : items * 1e9 / nanos;
    }
}
