package dev.egregora.etl.parse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Month names of the languages whose exports may write dates as {@code D MONTH YYYY}: en, pt, es, de, fr, it, nl, full
 * and abbreviated as CLDR and phones write them ({@code Aug}, {@code ago.}, {@code mrt.}, {@code févr.}, {@code März},
 * {@code Mär}). No spelling means two different months in two of these languages ({@code mar} is March, {@code mai}
 * May everywhere), so one table serves every file. Matching ignores case; a trailing dot is the caller's. Immutable.
 */
final class MonthNames {
    /** Longest name in bytes ({@code septiembre}, {@code settembre}): a longer word is no month. */
    static final int MAX_BYTES = 10;

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        add(1, "january jan janeiro enero ene januar jän janvier janv gennaio gen januari");
        add(2, "february feb fevereiro fev febrero februar février févr fevr fevrier febbraio februari");
        add(3, "march mar março marzo märz mär mars maart mrt");
        add(4, "april apr abril abr avril avr aprile");
        add(5, "may maio mayo mai maggio mag mei");
        add(6, "june jun junho junio juni juin giugno giu");
        add(7, "july jul julho julio juli juillet juil luglio lug");
        add(8, "august aug agosto ago août aout augustus");
        add(9, "september sep sept setembro set septiembre setiembre septembre settembre");
        add(10, "october oct outubro out octubre oktober okt octobre ottobre ott");
        add(11, "november nov novembro noviembre novembre");
        add(12, "december dec dezembro dez diciembre dic dicembre dezember décembre déc decembre");
    }

    private MonthNames() {
    }

    private static void add(int month, String names) {
        for (String n : names.split(" ")) {
            Integer before = MONTHS.put(n, month);
            if (before != null && before != month) {
                throw new IllegalStateException("month name " + n + " is ambiguous");
            }
        }
    }

    /**
     * The end of the word starting at {@code p}: ASCII letters and the two-byte UTF-8 letters of Latin-1
     * ({@code é}, {@code ä}, {@code û}, {@code ç}), at most {@link #MAX_BYTES} + 1 bytes (so a longer word is seen
     * as too long).
     */
    static int wordEnd(byte[] b, int p, int to) {
        int w = p;
        while (w < to && w - p <= MAX_BYTES) {
            int c = b[w] & 0xFF;
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                w++;
            } else if (c == 0xC3 && w + 1 < to && (b[w + 1] & 0xC0) == 0x80) {
                w += 2;
            } else {
                break;
            }
        }
        return w;
    }

    /** 1–12 for a month name in {@code b[from, to)} (a word found by {@link #wordEnd}), else 0. */
    static int of(byte[] b, int from, int to) {
        if (to - from < 3 || to - from > MAX_BYTES) {
            return 0;
        }
        Integer m = MONTHS.get(new String(b, from, to - from, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT));
        return m == null ? 0 : m;
    }
}
