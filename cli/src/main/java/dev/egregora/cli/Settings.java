package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.config.EgregoraConfig;
import dev.egregora.core.port.InputAdapter;
import dev.egregora.core.port.Windower;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** Command-line flags that override the site's config file; each null flag keeps the file's value. */
final class Settings {
    private Settings() {
    }

    /** {@code --timezone}, {@code --date-order}, {@code --no-mask-contacts}. */
    static final class IngestFlags {
        @Option(names = "--timezone", paramLabel = "ZONE",
                description = "IANA zone of the export's times (default: config, else this machine's zone).")
        String timezone;

        @Option(names = "--date-order", paramLabel = "ORDER", description = "auto | dmy | mdy | ymd (default: auto).")
        String dateOrder;

        @Option(names = "--no-mask-contacts", description = "Keep phone numbers and e-mail addresses in text.")
        boolean noMaskContacts;

        EgregoraConfig apply(EgregoraConfig c) {
            return c.withIngest(new EgregoraConfig.Ingest(timezone != null ? timezone : c.ingest().timezone(),
                    dateOrder != null ? dateOrder : c.ingest().dateOrder()));
        }

        InputAdapter.Request request(Path export, EgregoraConfig c) {
            boolean mask = c.privacy().maskContacts() && !noMaskContacts;
            return new InputAdapter.Request(export, zone(c), dateOrder(c), mask);
        }
    }

    /** {@code --unit}, {@code --size}, {@code --overlap}, {@code --max-window-hours}, {@code --gap}. */
    static final class WindowFlags {
        @Option(names = "--unit", paramLabel = "UNIT",
                description = "messages | hours | days | bytes | conversation (default: config, else days).")
        String unit;

        @Option(names = "--size", paramLabel = "N", description = "Window step in units (bytes: the cap).")
        Long size;

        @Option(names = "--overlap", paramLabel = "RATIO", description = "Overlap ratio, 0 to 0.5.")
        Double overlap;

        @Option(names = "--max-window-hours", paramLabel = "H", description = "Cap on a window's span; 0: none.")
        Long maxWindowHours;

        @Option(names = "--gap", paramLabel = "HOURS",
                description = "Silence that starts a new window for --unit conversation (hours, e.g. 6 or 0.5).")
        Double gapHours;

        EgregoraConfig apply(EgregoraConfig c) {
            EgregoraConfig.Windowing w = c.windowing();
            return c.withWindowing(new EgregoraConfig.Windowing(unit != null ? unit : w.unit(),
                    size != null ? size : w.size(), overlap != null ? overlap : w.overlap(),
                    maxWindowHours != null ? maxWindowHours : w.maxWindowHours(),
                    gapHours != null ? gapHours : w.gapHours()));
        }
    }

    static ZoneId zone(EgregoraConfig c) {
        String tz = c.ingest().timezone();
        if (tz == null || tz.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new EgregoraException("unknown time zone '" + tz + "' (use an IANA name such as Europe/Berlin)");
        }
    }

    static InputAdapter.DateOrder dateOrder(EgregoraConfig c) {
        try {
            return InputAdapter.DateOrder.valueOf(c.ingest().dateOrder().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EgregoraException("unknown date order '" + c.ingest().dateOrder() + "' (auto, dmy, mdy or ymd)");
        }
    }

    static Windower.Spec windowSpec(EgregoraConfig c) {
        EgregoraConfig.Windowing w = c.windowing();
        Windower.Unit unit;
        try {
            unit = Windower.Unit.valueOf(w.unit().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EgregoraException("unknown window unit '" + w.unit()
                    + "' (messages, hours, days, bytes or conversation)");
        }
        if (w.size() < 1) {
            throw new EgregoraException("window size must be at least 1, was " + w.size());
        }
        if (w.overlap() < 0 || w.overlap() > 0.5 || Double.isNaN(w.overlap())) {
            throw new EgregoraException("overlap must be between 0 and 0.5, was " + w.overlap());
        }
        if (w.gapHours() <= 0 || Double.isNaN(w.gapHours())) {
            throw new EgregoraException("gap must be a positive number of hours, was " + w.gapHours());
        }
        Duration max = w.maxWindowHours() > 0 ? Duration.ofHours(w.maxWindowHours()) : null;
        return new Windower.Spec(unit, w.size(), w.overlap(), max,
                Duration.ofSeconds(Math.round(w.gapHours() * 3600)), "");
    }

    static int threads(EgregoraConfig c, Integer flag) {
        int t = flag != null ? flag : c.writer().threads();
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }
}
