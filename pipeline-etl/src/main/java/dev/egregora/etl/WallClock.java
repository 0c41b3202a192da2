package dev.egregora.etl;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns export wall-clock times into UTC instants in one zone, with a one-hour cache (messages arrive in time
 * order, so almost every lookup hits). DST: a time in a gap (clocks jump forward) is moved forward by the length of
 * the gap; a time in an overlap (clocks fall back) takes the earlier offset, i.e. the first occurrence. Not
 * thread-safe.
 */
final class WallClock {
    private final ZoneId zone;
    private final ZoneRules rules;
    private long cachedHour = Long.MIN_VALUE;
    private long cachedOffset;

    WallClock(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    long epochMicros(LocalDateTime t) {
        long local = t.toEpochSecond(ZoneOffset.UTC);
        long hour = Math.floorDiv(local, 3600);
        if (hour == cachedHour) {
            return (local - cachedOffset) * 1_000_000L;
        }
        LocalDateTime start = t.withMinute(0).withSecond(0).withNano(0);
        List<ZoneOffset> a = rules.getValidOffsets(start);
        List<ZoneOffset> b = rules.getValidOffsets(start.plusMinutes(59).plusSeconds(59));
        if (a.size() == 1 && b.size() == 1 && a.get(0).equals(b.get(0))) {
            cachedHour = hour;
            cachedOffset = a.get(0).getTotalSeconds();
            return (local - cachedOffset) * 1_000_000L;
        }
        return ZonedDateTime.ofLocal(t, zone, null).toEpochSecond() * 1_000_000L;
    }
}
