package dev.egregora.site.html;

import java.time.Instant;
import java.time.LocalDate;

/** Fast UTC date formatting for pages (English month names), without per-call zone-rule lookups. */
public final class Dates {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private Dates() {
    }

    static LocalDate day(Instant i) {
        return LocalDate.ofEpochDay(Math.floorDiv(i.getEpochSecond(), 86_400L));
    }

    /** {@code 14 January 2020} */
    public static String human(Instant i) {
        LocalDate d = day(i);
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    /** {@code 2020-01-14} */
    public static String isoDay(Instant i) {
        return day(i).toString();
    }

    /** {@code 2020-01} */
    public static String month(Instant i) {
        LocalDate d = day(i);
        return d.getYear() + (d.getMonthValue() < 10 ? "-0" : "-") + d.getMonthValue();
    }

    /** {@code January 2020} */
    public static String monthLabel(Instant i) {
        LocalDate d = day(i);
        return MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }
}
