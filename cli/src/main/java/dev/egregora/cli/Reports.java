package dev.egregora.cli;

import dev.egregora.core.model.Window;
import dev.egregora.core.pipeline.StageTiming;
import dev.egregora.core.pipeline.WriteReport;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.SiteRenderer;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How results are printed for people. */
final class Reports {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Reports() {
    }

    static void ingest(PrintWriter out, InputAdapter.IngestSummary s) {
        out.printf(Locale.ROOT, "Ingested chat '%s': %,d messages read, %,d new; %,d authors, %,d media files, "
                        + "%,d system messages (times read as %s, dates %s)%n", s.chatId(), s.messagesRead(),
                s.messagesAdded(), s.authors(), s.mediaFiles(), s.systemMessages(), s.zone(),
                s.dateOrder().name().toLowerCase(Locale.ROOT));
        if (s.invalidUtf8() > 0) {
            out.printf(Locale.ROOT, "  %,d invalid UTF-8 sequences were replaced with U+FFFD%n", s.invalidUtf8());
        }
        s.skipped().forEach((reason, n) -> out.printf(Locale.ROOT, "  skipped %,d: %s%n", n, reason));
    }

    static void windows(PrintWriter out, List<Window> windows) {
        out.printf("%-5s %-16s %-16s %9s %11s  %s%n", "#", "start (UTC)", "end (UTC)", "messages", "bytes", "chat");
        for (Window w : windows) {
            out.printf(Locale.ROOT, "%-5d %-16s %-16s %,9d %,11d  %s%n", w.index(), TIME.format(w.start()),
                    TIME.format(w.end()), w.messageCount(), w.bytes(), w.chatId());
        }
        out.printf(Locale.ROOT, "%,d windows%n", windows.size());
    }

    static void build(PrintWriter out, SiteRenderer.BuildSummary b) {
        out.printf(Locale.ROOT, "Site: %s (%,d pages written, %,d unchanged, %,d removed; %,d cards rendered, "
                        + "%,d from cache)%n", b.output(), b.pagesWritten(), b.pagesUnchanged(), b.pagesDeleted(),
                b.cardsRendered(), b.cardsCached());
    }

    static void write(PrintWriter out, WriteReport r) {
        if (r.ingest() != null) {
            ingest(out, r.ingest());
        }
        out.printf(Locale.ROOT, "Posts: %,d windows, %,d written, %,d already done, %,d failed, %,d removed; "
                + "%,d profiles%n", r.windows(), r.written(), r.skipped(), r.failures().size(), r.postsRemoved(),
                r.profiles());
        for (WriteReport.Failure f : r.failures()) {
            out.printf("  window %s failed: %s%n", f.windowId(), f.error());
        }
        if (r.build() != null) {
            build(out, r.build());
        }
    }

    static void timings(PrintWriter out, WriteReport r) {
        out.printf("%-10s %10s %12s %14s%n", "stage", "seconds", "items", "items/s");
        for (StageTiming t : r.timings()) {
            out.printf(Locale.ROOT, "%-10s %10.3f %,12d %,14.0f%n", t.stage(), t.elapsed().toNanos() / 1e9,
                    t.items(), t.throughput());
        }
        out.printf(Locale.ROOT, "%-10s %10.3f%n%-10s %10.3f (%.2f%%)%n", "total", r.total().toNanos() / 1e9,
                "overhead", r.overhead().toNanos() / 1e9, 100.0 * r.overhead().toNanos() / r.total().toNanos());
    }
}
