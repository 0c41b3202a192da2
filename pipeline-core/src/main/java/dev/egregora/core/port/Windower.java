package dev.egregora.core.port;

import dev.egregora.core.model.Window;
import dev.egregora.core.store.Workspace;

import java.time.Duration;
import java.util.List;

/** Cuts each chat's user messages into windows and replaces the {@code windows} table in one transaction. */
public interface Windower {

    List<Window> computeWindows(Workspace workspace, Spec spec);

    enum Unit { MESSAGES, HOURS, DAYS, BYTES, CONVERSATION }

    /**
     * @param unit              how windows are measured
     * @param size              step in units (messages, hours, days; bytes: the byte cap)
     * @param overlap           ratio in [0, 0.5]
     * @param maxWindowTime     optional cap on a window's time span (null: none)
     * @param gap               silence that starts a new window for {@link Unit#CONVERSATION}
     * @param writerFingerprint the writer settings that go into every window signature
     */
    record Spec(Unit unit, long size, double overlap, Duration maxWindowTime, Duration gap,
                String writerFingerprint) {
    }
}
