package dev.egregora.windowing.cut;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.Windower.Spec;
import dev.egregora.core.port.Windower.Unit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CutSpecTest {

    @Test
    void overlapIsClampedToHalf() {
        assertThat(CutSpec.from(new Spec(Unit.MESSAGES, 10, 0.9, null, null, "w")).overlap()).isEqualTo(0.5);
        assertThat(CutSpec.from(new Spec(Unit.MESSAGES, 10, -1, null, null, "w")).overlap()).isEqualTo(0.0);
    }

    @Test
    void sizeMustBePositive() {
        assertThatThrownBy(() -> CutSpec.from(new Spec(Unit.DAYS, 0, 0, null, null, "w")))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("at least 1");
    }

    @Test
    void unitIsRequired() {
        assertThatThrownBy(() -> CutSpec.from(new Spec(null, 1, 0, null, null, "w")))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("unit");
    }

    @Test
    void conversationGapDefaultsToSixHoursAndMustBePositive() {
        assertThat(CutSpec.from(new Spec(Unit.CONVERSATION, 10, 0, null, null, "w")).gapMicros())
                .isEqualTo(6 * 3_600_000_000L);
        assertThatThrownBy(() -> CutSpec.from(new Spec(Unit.CONVERSATION, 10, 0, null, Duration.ZERO, "w")))
                .isInstanceOf(EgregoraException.class).hasMessageContaining("gap");
    }

    @Test
    void timeStepIsLeftAloneWhenItFitsTheMaxWindowTime() {
        CutSpec spec = CutSpec.from(new Spec(Unit.HOURS, 5, 0.2, Duration.ofHours(6), null, "w"));
        assertThat(spec.unit()).isEqualTo(Unit.HOURS);
        assertThat(spec.stepMicros()).isEqualTo(5 * 3_600_000_000L);
        assertThat(spec.overlapMicros()).isEqualTo(3_600_000_000L);
    }

    @Test
    void longMaxWindowTimeAdjustsToWholeDays() {
        CutSpec spec = CutSpec.from(new Spec(Unit.DAYS, 7, 0.2, Duration.ofDays(4), null, "w"));
        assertThat(spec.unit()).isEqualTo(Unit.DAYS);
        assertThat(spec.size()).isEqualTo(3); // 96h / 1.2 = 80h -> 3 days
    }
}
