package dev.egregora.windowing.cut;

import dev.egregora.core.port.Windower.Spec;
import dev.egregora.core.port.Windower.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class WindowCutterTest {
    static final long MINUTE = 60_000_000L;
    static final long HOUR = 60 * MINUTE;

    static Cuts cut(Unit unit, long size, double overlap, Duration maxTime, Duration gap, long[] ts, int[] bytes) {
        return new WindowCutter(CutSpec.from(new Spec(unit, size, overlap, maxTime, gap, "w"))).cut(ts, bytes);
    }

    static long[] evenly(int n, long step) {
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = 1_700_000_000_000_000L + i * step;
        }
        return ts;
    }

    static int[] ones(int n) {
        int[] b = new int[n];
        Arrays.fill(b, 1);
        return b;
    }

    static int[] sizes(String csv) {
        return csv.isBlank() ? new int[0] : Arrays.stream(csv.split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    // spec §4.2, pinned by the original's tests
    @ParameterizedTest(name = "messages: total={0} step={1} ratio={2} -> [{3}]")
    @CsvSource({
            "100, 50, 0,   50 50",
            "120, 50, 0,   50 50 20",
            "30,  50, 0,   30",
            "0,   50, 0,   ''",
            "100, 50, 0.2, 60 50",
            "120, 50, 0.2, 60 60 20",
            "30,  50, 0.2, 30",
    })
    void messageWindowsMatchThePinnedSizes(int total, long step, double ratio, String expected) {
        Cuts cuts = cut(Unit.MESSAGES, step, ratio, null, null, evenly(total, MINUTE), ones(total));
        assertThat(cuts.sizes()).containsExactly(sizes(expected));
    }

    @Test
    void messageWindowOverlapExtendsForward() {
        Cuts cuts = cut(Unit.MESSAGES, 50, 0.2, null, null, evenly(120, MINUTE), ones(120));
        assertThat(cuts.firsts()).containsExactly(0, 50, 100);
        assertThat(cuts.ends()).containsExactly(60, 110, 120);
    }

    @Test
    void twoHourWindowsOverThreeHundredMinutesMatchThePinnedSizes() {
        Cuts cuts = cut(Unit.HOURS, 2, 0, null, null, evenly(300, MINUTE), ones(300));
        assertThat(cuts.sizes()).containsExactly(120, 120, 60);
    }

    @Test
    void maxWindowTimeTurnsTwoDayWindowsIntoOneDayWindows() {
        CutSpec spec = CutSpec.from(new Spec(Unit.DAYS, 2, 0, Duration.ofHours(24), null, "w"));
        assertThat(spec.unit()).isEqualTo(Unit.DAYS);
        assertThat(spec.size()).isEqualTo(1);
        Cuts cuts = new WindowCutter(spec).cut(evenly(72, HOUR), ones(72));
        assertThat(cuts.sizes()).containsExactly(24, 24, 24);
    }

    @Test
    void maxWindowTimeBelowADayGivesHourWindows() {
        CutSpec spec = CutSpec.from(new Spec(Unit.DAYS, 2, 0.2, Duration.ofHours(24), null, "w"));
        assertThat(spec.unit()).isEqualTo(Unit.HOURS);
        assertThat(spec.size()).isEqualTo(20); // 24h / 1.2 = 20h
    }

    // ---- intentional differences -------------------------------------------------------------------------

    @Test
    void byteWindowsCountRealBytesIncludingTheFirstMessage() {
        // original (first message ignored, characters): max=20 ratio 0 -> [2, 3]
        int[] lengths = {5, 10, 20, 5, 14};
        long[] ts = evenly(5, MINUTE);
        assertThat(cut(Unit.BYTES, 20, 0, null, null, ts, lengths).sizes()).containsExactly(2, 1, 2);
        // original: max=30 ratio 0.5 -> [3, 2, 1]; its last window repeated a message already written
        assertThat(cut(Unit.BYTES, 30, 0.5, null, null, ts, lengths).sizes()).containsExactly(2, 2, 2);
    }

    @Test
    void byteOverlapRepeatsTrailingMessagesThatFitTheOverlapBudget() {
        Cuts cuts = cut(Unit.BYTES, 30, 0.5, null, null, evenly(5, MINUTE), new int[]{5, 10, 20, 5, 14});
        assertThat(cuts.firsts()).containsExactly(0, 1, 3);
        assertThat(cuts.ends()).containsExactly(2, 3, 5);
    }

    @Test
    void anOversizedMessageGetsAWindowOfItsOwn() {
        Cuts cuts = cut(Unit.BYTES, 100, 0, null, null, evenly(4, MINUTE), new int[]{40, 500, 30, 30});
        assertThat(cuts.sizes()).containsExactly(1, 1, 2);
        assertThat(cuts.oversized()).isEqualTo(1);
    }

    @Test
    void timeWindowsSkipEmptyStretches() {
        // the original yields 6 one-hour windows here, four of them empty
        long[] ts = {0, 10 * MINUTE, 5 * HOUR + MINUTE};
        Cuts cuts = cut(Unit.HOURS, 1, 0, null, null, ts, ones(3));
        assertThat(cuts.sizes()).containsExactly(2, 1);
    }

    @Test
    void timeWindowsMadeOnlyOfTheOverlapAreNotEmitted() {
        // 1h windows with 0.5 overlap: the step [1h, 2h) is empty, but the message at 2h10 lies in its overlap
        // [2h, 2.5h). The original yields [0,1.5h) {0}, [1h,2.5h) {2h10}, [2h,3.5h) {2h10}: one duplicate window.
        long[] ts = {0, 2 * HOUR + 10 * MINUTE};
        Cuts cuts = cut(Unit.HOURS, 1, 0.5, null, null, ts, ones(2));
        assertThat(cuts.sizes()).containsExactly(1, 1);
    }

    @Test
    void aTailWindowInsideThePreviousWindowIsNotEmitted() {
        // original: 105 messages, step 50, ratio 0.2 -> [60, 55, 5]; the last window only repeats messages
        Cuts cuts = cut(Unit.MESSAGES, 50, 0.2, null, null, evenly(105, MINUTE), ones(105));
        assertThat(cuts.sizes()).containsExactly(60, 55);
    }

    @Test
    void maxWindowTimeIsEnforcedForMessageWindows() {
        // 10 messages an hour apart, 100 per window, at most 3h per window
        Cuts cuts = cut(Unit.MESSAGES, 100, 0, Duration.ofHours(3), null, evenly(10, HOUR), ones(10));
        assertThat(cuts.sizes()).containsExactly(4, 4, 2);
    }

    @Test
    void conversationWindowsStartAfterASilence() {
        long[] ts = {0, MINUTE, 2 * MINUTE, 8 * HOUR, 8 * HOUR + MINUTE, 30 * HOUR};
        Cuts cuts = cut(Unit.CONVERSATION, 100, 0, null, Duration.ofHours(6), ts, ones(6));
        assertThat(cuts.sizes()).containsExactly(3, 2, 1);
    }

    @Test
    void anEndlessConversationStillSplitsAtTheSizeCap() {
        Cuts cuts = cut(Unit.CONVERSATION, 40, 0.25, null, Duration.ofHours(6), evenly(100, MINUTE), ones(100));
        assertThat(cuts.firsts()).containsExactly(0, 40, 80);
        assertThat(cuts.ends()).containsExactly(50, 90, 100);
    }

    @Test
    void conversationOverlapNeverCrossesASilence() {
        long[] ts = {0, MINUTE, 2 * MINUTE, 10 * HOUR, 10 * HOUR + MINUTE};
        Cuts cuts = cut(Unit.CONVERSATION, 2, 0.5, null, Duration.ofHours(1), ts, ones(5));
        assertThat(cuts.firsts()).containsExactly(0, 3);
        assertThat(cuts.ends()).containsExactly(3, 5);
    }

    @Test
    void conversationWindowsRespectTheByteCap() {
        int[] bytes = new int[10];
        Arrays.fill(bytes, 100_000);
        Cuts cuts = cut(Unit.CONVERSATION, 100, 0, null, Duration.ofHours(6), evenly(10, MINUTE), bytes);
        assertThat(cuts.sizes()).containsExactly(3, 3, 3, 1);
    }

    @Test
    void slicesArePositionedRelativeToTheirStart() {
        long[] ts = evenly(10, MINUTE);
        Cuts cuts = new WindowCutter(CutSpec.from(new Spec(Unit.MESSAGES, 3, 0, null, null, "w")))
                .cut(ts, ones(10), 4, 10);
        assertThat(cuts.firsts()).containsExactly(0, 3);
        assertThat(cuts.ends()).containsExactly(3, 6);
    }
}
