package dev.egregora.windowing;

import com.google.inject.Inject;
import dev.egregora.core.model.Window;
import dev.egregora.core.port.Windower;
import dev.egregora.core.store.Workspace;
import dev.egregora.windowing.cut.CutSpec;
import dev.egregora.windowing.cut.Cuts;
import dev.egregora.windowing.cut.WindowCutter;
import dev.egregora.windowing.cut.WindowSignature;
import dev.egregora.windowing.store.MessageColumns;
import dev.egregora.windowing.store.MessageColumnsReader;
import dev.egregora.windowing.store.WindowTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Windower}: loads the windowable messages of every chat as columns in one query, cuts them with
 * {@link WindowCutter}, signs each window and replaces the {@code windows} table in one transaction. Stateless and
 * thread-safe (the workspace itself is not).
 */
public final class ColumnarWindower implements Windower {
    private static final Logger LOG = LoggerFactory.getLogger(ColumnarWindower.class);

    private final MessageColumnsReader reader;
    private final WindowTable table;

    @Inject
    public ColumnarWindower(MessageColumnsReader reader, WindowTable table) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Computes the windows and replaces the {@code windows} table with them. */
    @Override
    public List<Window> computeWindows(Workspace workspace, Spec spec) {
        MessageColumns columns = reader.read(workspace, true);
        List<Window> windows = windows(columns, spec);
        table.replace(workspace, windows, columns);
        return windows;
    }

    /** Computes the windows without writing anything (for {@code egregora windows}). */
    public List<Window> preview(Workspace workspace, Spec spec) {
        return windows(reader.read(workspace, true), spec);
    }

    private static List<Window> windows(MessageColumns columns, Spec spec) {
        CutSpec cut = CutSpec.from(spec);
        if (spec.unit() == Unit.MESSAGES && spec.maxWindowTime() != null) {
            LOG.info("max_window_time {} is enforced for message windows (the original ignored it)",
                    spec.maxWindowTime());
        }
        return windows(columns, new WindowCutter(cut), spec.writerFingerprint());
    }

    /** The windows currently stored, ordered by chat and index. */
    public List<Window> stored(Workspace workspace) {
        return table.read(workspace);
    }

    /** Pure part: cut and sign every chat of {@code columns}. */
    public static List<Window> windows(MessageColumns columns, WindowCutter cutter, String writerFingerprint) {
        List<Window> out = new ArrayList<>();
        long oversized = 0;
        WindowSignature signer = new WindowSignature(writerFingerprint);
        long[] ts = columns.tsMicros();
        int[] bytes = columns.bytes();
        for (int c = 0; c < columns.chats(); c++) {
            String chat = columns.chatIds().get(c);
            int from = columns.chatStarts()[c];
            int to = columns.chatStarts()[c + 1];
            Cuts cuts = cutter.cut(ts, bytes, from, to);
            oversized += cuts.oversized();
            for (int w = 0; w < cuts.count(); w++) {
                int f = cuts.first(w);
                int e = cuts.end(w);
                long windowBytes = 0;
                for (int i = from + f; i < from + e; i++) {
                    windowBytes += bytes[i];
                }
                String signature = columns.digests().length == 0 ? ""
                        : signer.sign(columns.digests(), from + f, from + e);
                out.add(new Window(chat + ":" + w, chat, w, f, e, instant(ts[from + f]), instant(ts[from + e - 1]),
                        e - f, windowBytes, signature));
            }
        }
        if (oversized > 0) {
            LOG.warn("{} message(s) are larger than the window byte cap; each got a window of its own", oversized);
        }
        return out;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
