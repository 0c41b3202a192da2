package dev.egregora.etl.parse;

/**
 * Recognises a WhatsApp message header at the start of a line of UTF-8 bytes, by hand (no regex):
 * {@code [marks][\[] DATE[,] [word] TIME[.] [MERIDIEM] (\] | - | :) BODY}, plus the time-first form
 * {@code [TIME, DATE]}. Dates are three numbers separated by the same {@code / . -} (an optional space after each
 * separator, optional trailing dot, {@code BE} or era-letter years), or {@code D MONTH YYYY} with a month name in
 * en, pt, es, de, fr, it or nl ({@code 28 Aug 2013}, {@code 28 de ago. de 2013}, {@code 28. März 2013}); times are
 * {@code H:MM[:SS]} or {@code H.MM[.SS]}; meridiems may come before or after the time (Latin, German, CJK, Korean, Arabic). Bidi marks, BOMs, NBSP, NNBSP and
 * thin spaces are tolerated between tokens. Arabic-Indic digits are read as digits. Stateless and thread-safe.
 */
final class HeaderScanner {

    private HeaderScanner() {
    }

    /** Scans {@code b[from, to)}; fills {@code h} and returns true when the line starts with a header. */
    static boolean scan(byte[] b, int from, int to, Header h) {
        int p = skipMarks(b, from, to);
        boolean bracket = false;
        if (p < to && b[p] == '[') {
            bracket = true;
            p = skipMarks(b, p + 1, to);
        }
        if (p >= to || digit(b, p, to) < 0) {
            return false;
        }
        h.yearOffset = 0;
        h.eraYear = false;
        h.meridiem = Header.MER_NONE;
        // time first? "14:56:01, 3/18/22"
        int q = skipDigits(b, p, to);
        if (q < to && b[q] == ':' && q - p <= 2) {
            p = time(b, p, to, h);
            if (p < 0) {
                return false;
            }
            p = meridiemAfter(b, p, to, h);
            if (p < to && b[p] == ',') {
                p++;
            }
            p = skipSpaces(b, p, to);
            p = date(b, p, to, h);
            if (p < 0) {
                return false;
            }
        } else {
            p = date(b, p, to, h);
            if (p < 0) {
                return false;
            }
            // ", " / "," (Arabic comma) / nothing, then white space
            if (p < to && b[p] == ',') {
                p++;
            } else if (p + 1 < to && (b[p] & 0xFF) == 0xD8 && (b[p + 1] & 0xFF) == 0x8C) {
                p += 2;
            }
            int s = skipSpaces(b, p, to);
            if (s == p) {
                return false;
            }
            p = s;
            // a meridiem or a short word before the time: "오후 3:04", "下午3:04", "klo 21.25"
            int m = meridiem(b, p, to, h);
            if (m > 0) {
                p = skipSpaces(b, m, to);
            } else {
                int w = p;
                while (w < to && w - p < 5 && isAsciiLetter(b[w])) {
                    w++;
                }
                if (w > p && w < to && w - p <= 4) {
                    int s2 = skipSpaces(b, w, to);
                    if (s2 > w) {
                        p = s2;
                    }
                }
            }
            p = time(b, p, to, h);
            if (p < 0) {
                return false;
            }
            if (h.meridiem == Header.MER_NONE) {
                p = meridiemAfter(b, p, to, h);
            }
        }
        p = skipMarks(b, p, to);
        if (bracket) {
            if (p >= to || b[p] != ']') {
                return false;
            }
            p++;
            h.separator = Header.SEP_BRACKET;
        } else {
            if (p < to && b[p] == ':') {
                p++;
                h.separator = Header.SEP_COLON;
            } else {
                int s = skipSpaces(b, p, to);
                if (s == p || s >= to) {
                    return false;
                }
                p = s;
                if (b[p] == '-') {
                    p++;
                } else if (p + 2 < to && (b[p] & 0xFF) == 0xE2 && (b[p + 1] & 0xFF) == 0x80
                        && ((b[p + 2] & 0xFF) == 0x93 || (b[p + 2] & 0xFF) == 0x94)) {
                    p += 3; // en dash, em dash
                } else if (h.trailingDot) {
                    // "13. 6. 2018. 21:25:15 Name: text" (hr/sr/hu): white space only
                    h.separator = Header.SEP_SPACE;
                    h.bodyStart = p;
                    return true;
                } else {
                    return false;
                }
                h.separator = Header.SEP_DASH;
            }
        }
        // exactly one white space before the body (an empty body may end the line)
        if (p < to) {
            int s = oneSpace(b, p, to);
            if (s == p) {
                return false;
            }
            p = s;
        } else if (h.separator != Header.SEP_BRACKET) {
            return false;
        }
        h.bodyStart = p;
        return true;
    }

    /** Reads {@code D SEP D SEP D[.][ BE]}; returns the position after it or -1. */
    private static int date(byte[] b, int p, int to, Header h) {
        int start = p;
        int v = 0;
        int n = 0;
        int d;
        while (n < 4 && (d = digit(b, p, to)) >= 0) {
            v = v * 10 + d;
            p += digitWidth(b, p);
            n++;
        }
        if (n == 0) {
            return -1;
        }
        h.n1 = v;
        h.len1 = n;
        h.monthName = false;
        p = skipMarks(b, p, to);
        if (p >= to) {
            return -1;
        }
        if (b[p] == ' ' && n <= 2) {
            return monthNameDate(b, p + 1, to, h);
        }
        if (b[p] == '.' && n <= 2 && p + 1 < to && b[p + 1] == ' ' && startsWord(b, p + 2, to)) {
            return monthNameDate(b, p + 2, to, h); // de: "28. Aug. 2013"
        }
        byte sep = b[p];
        if (sep != '/' && sep != '.' && sep != '-') {
            return -1;
        }
        h.dateSeparator = (char) sep;
        p++;
        if (p < to && b[p] == ' ') {
            p++;
        }
        p = skipMarks(b, p, to);
        v = 0;
        n = 0;
        while (n < 4 && (d = digit(b, p, to)) >= 0) {
            v = v * 10 + d;
            p += digitWidth(b, p);
            n++;
        }
        if (n == 0) {
            return -1;
        }
        h.n2 = v;
        p = skipMarks(b, p, to);
        if (p >= to || b[p] != sep) {
            return -1;
        }
        p++;
        if (p < to && b[p] == ' ') {
            p++;
        }
        p = skipMarks(b, p, to);
        if (p < to && (b[p] == 'R' || b[p] == 'H')) {
            // Japanese era: Reiwa (2019 = R1), Heisei (1989 = H1)
            h.eraYear = true;
            h.yearOffset = b[p] == 'R' ? 2018 : 1988;
            p++;
        }
        v = 0;
        n = 0;
        while (n < 4 && (d = digit(b, p, to)) >= 0) {
            v = v * 10 + d;
            p += digitWidth(b, p);
            n++;
        }
        if (n == 0 || digit(b, p, to) >= 0) {
            return -1;
        }
        h.n3 = v;
        h.len3 = n;
        h.trailingDot = false;
        if (p < to && b[p] == '.') {
            p++; // "13. 6. 2018."
            h.trailingDot = true;
        }
        if (p + 2 < to && b[p] == ' ' && b[p + 1] == 'B' && b[p + 2] == 'E') {
            h.yearOffset = -543;
            p += 3;
        }
        return p - start > 0 ? p : -1;
    }

    /**
     * The rest of {@code D MONTH YYYY} after the day and a space ({@code 28 Aug 2013}, {@code 3 September 13},
     * {@code 28 de agosto de 2013}, {@code 28. Aug. 2013}, {@code 28 févr. 2013}): a month name of {@link MonthNames}
     * with an optional dot, an optional {@code de} before the month and the year, then a 2- or 4-digit year. The day
     * goes to {@code n1}, the month to {@code n2}, whatever the file's date order. A word of 3 to
     * {@link MonthNames#MAX_BYTES} letters that is no known month still makes a header, with month 0: the caller
     * skips and counts it rather than guess a date or glue the line onto the message before it.
     */
    private static int monthNameDate(byte[] b, int p, int to, Header h) {
        p = connector(b, p, to);
        int w = MonthNames.wordEnd(b, p, to);
        if (w - p < 3 || w - p > MonthNames.MAX_BYTES) {
            return -1;
        }
        int month = MonthNames.of(b, p, w);
        p = w;
        if (p < to && b[p] == '.') {
            p++;
        }
        if (p >= to || b[p] != ' ') {
            return -1;
        }
        p = connector(b, p + 1, to);
        int v = 0;
        int n = 0;
        int d;
        while (n < 4 && (d = digit(b, p, to)) >= 0) {
            v = v * 10 + d;
            p += digitWidth(b, p);
            n++;
        }
        if ((n != 2 && n != 4) || digit(b, p, to) >= 0) {
            return -1;
        }
        h.n2 = month;
        h.n3 = v;
        h.len3 = n;
        h.monthName = true;
        h.dateSeparator = ' ';
        h.trailingDot = false;
        return p;
    }

    /** Past a {@code "de "} (pt, es: {@code 28 de agosto de 2013}) at {@code p}, else {@code p}. */
    private static int connector(byte[] b, int p, int to) {
        return p + 2 < to && (b[p] | 0x20) == 'd' && (b[p + 1] | 0x20) == 'e' && b[p + 2] == ' ' ? p + 3 : p;
    }

    private static boolean startsWord(byte[] b, int p, int to) {
        return p < to && (isAsciiLetter(b[p]) || (b[p] & 0xFF) == 0xC3);
    }

    /** Reads {@code H:MM[:SS]} or {@code H.MM[.SS]} and an optional trailing dot; -1 if absent. */
    private static int time(byte[] b, int p, int to, Header h) {
        int d;
        int v = 0;
        int n = 0;
        while (n < 2 && (d = digit(b, p, to)) >= 0) {
            v = v * 10 + d;
            p += digitWidth(b, p);
            n++;
        }
        if (n == 0 || p >= to || (b[p] != ':' && b[p] != '.')) {
            return -1;
        }
        byte sep = b[p++];
        h.hour = v;
        p = twoDigits(b, p, to, h);
        if (p < 0) {
            return -1;
        }
        h.minute = h.scratch;
        h.second = 0;
        if (p + 1 < to && b[p] == sep && digit(b, p + 1, to) >= 0) {
            int q = twoDigits(b, p + 1, to, h);
            if (q < 0) {
                return -1;
            }
            h.second = h.scratch;
            p = q;
        }
        if (h.hour > 24 || h.minute > 59 || h.second > 59) {
            return -1;
        }
        if (p + 1 < to && b[p] == '.' && isSpace(b, p + 1, to)) {
            p++; // "13:34. - "
        }
        return p;
    }

    private static int twoDigits(byte[] b, int p, int to, Header h) {
        int d1 = digit(b, p, to);
        if (d1 < 0) {
            return -1;
        }
        p += digitWidth(b, p);
        int d2 = digit(b, p, to);
        if (d2 < 0) {
            return -1;
        }
        p += digitWidth(b, p);
        if (digit(b, p, to) >= 0) {
            return -1;
        }
        h.scratch = d1 * 10 + d2;
        return p;
    }

    /** An optional meridiem after the time, with optional white space before it. */
    private static int meridiemAfter(byte[] b, int p, int to, Header h) {
        int s = skipSpaces(b, p, to);
        int m = meridiem(b, s, to, h);
        return m > 0 ? m : p;
    }

    /** Matches a meridiem token at {@code p}; sets {@code h.meridiem}, returns the end or -1. */
    static int meridiem(byte[] b, int p, int to, Header h) {
        if (p >= to) {
            return -1;
        }
        int c = b[p] & 0xFF;
        if (c == 'a' || c == 'A' || c == 'p' || c == 'P') {
            int q = p + 1;
            if (q < to && b[q] == '.') {
                q++;
            }
            q = skipSpaces(b, q, to);
            if (q < to && (b[q] == 'm' || b[q] == 'M')) {
                q++;
                if (q < to && b[q] == '.') {
                    q++;
                }
                if (q < to && isAsciiLetter(b[q])) {
                    return -1;
                }
                h.meridiem = (c == 'a' || c == 'A') ? Header.MER_AM : Header.MER_PM;
                return q;
            }
            return -1;
        }
        if (c < 0x80) {
            int e;
            if ((e = word(b, p, to, "vorm.")) > 0 || (e = word(b, p, to, "morgens")) > 0
                    || (e = word(b, p, to, "nachts")) > 0) {
                h.meridiem = Header.MER_AM;
                return e;
            }
            if ((e = word(b, p, to, "nachm.")) > 0 || (e = word(b, p, to, "abends")) > 0
                    || (e = word(b, p, to, "mittags")) > 0) {
                h.meridiem = Header.MER_PM;
                return e;
            }
            return -1;
        }
        // 오전 / 오후 (Korean), 上午 / 下午 (Chinese), 午前 / 午後 (Japanese), ص / م (Arabic)
        if (p + 5 < to && c == 0xEC && (b[p + 1] & 0xFF) == 0x98 && (b[p + 2] & 0xFF) == 0xA4) {
            int x = b[p + 3] & 0xFF;
            int y = b[p + 4] & 0xFF;
            int z = b[p + 5] & 0xFF;
            if (x == 0xEC && y == 0xA0 && z == 0x84) {
                h.meridiem = Header.MER_AM;
                return p + 6;
            }
            if (x == 0xED && y == 0x9B && z == 0x84) {
                h.meridiem = Header.MER_PM;
                return p + 6;
            }
            return -1;
        }
        if (p + 5 < to) {
            int a1 = c;
            int a2 = b[p + 1] & 0xFF;
            int a3 = b[p + 2] & 0xFF;
            int b1 = b[p + 3] & 0xFF;
            int b2 = b[p + 4] & 0xFF;
            int b3 = b[p + 5] & 0xFF;
            boolean wu = b1 == 0xE5 && b2 == 0x8D && b3 == 0x88; // 午
            if (wu && a1 == 0xE4 && a2 == 0xB8 && a3 == 0x8A) { // 上午
                h.meridiem = Header.MER_AM;
                return p + 6;
            }
            if (wu && a1 == 0xE4 && a2 == 0xB8 && a3 == 0x8B) { // 下午
                h.meridiem = Header.MER_PM;
                return p + 6;
            }
            if (a1 == 0xE5 && a2 == 0x8D && a3 == 0x88) { // 午前 / 午後
                if (b1 == 0xE5 && b2 == 0x89 && b3 == 0x8D) {
                    h.meridiem = Header.MER_AM;
                    return p + 6;
                }
                if (b1 == 0xE5 && b2 == 0xBE && b3 == 0x8C) {
                    h.meridiem = Header.MER_PM;
                    return p + 6;
                }
            }
        }
        if (p + 1 < to && c == 0xD8 && (b[p + 1] & 0xFF) == 0xB5) { // ص
            h.meridiem = Header.MER_AM;
            return p + 2;
        }
        if (p + 1 < to && c == 0xD9 && (b[p + 1] & 0xFF) == 0x85) { // م
            h.meridiem = Header.MER_PM;
            return p + 2;
        }
        return -1;
    }

    private static int word(byte[] b, int p, int to, String w) {
        int n = w.length();
        if (p + n > to) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (b[p + i] != w.charAt(i)) {
                return -1;
            }
        }
        return p + n;
    }

    /** The value of the digit at {@code p} (ASCII, Arabic-Indic or Extended Arabic-Indic), or -1. */
    static int digit(byte[] b, int p, int to) {
        if (p >= to) {
            return -1;
        }
        int c = b[p];
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (p + 1 < to) {
            int c0 = c & 0xFF;
            int c1 = b[p + 1] & 0xFF;
            if (c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) {
                return c1 - 0xA0;
            }
            if (c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9) {
                return c1 - 0xB0;
            }
        }
        return -1;
    }

    private static int digitWidth(byte[] b, int p) {
        return b[p] >= 0 ? 1 : 2;
    }

    private static int skipDigits(byte[] b, int p, int to) {
        while (digit(b, p, to) >= 0) {
            p += digitWidth(b, p);
        }
        return p;
    }

    private static boolean isAsciiLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Skips BOMs and bidi controls (U+FEFF, U+200E/F, U+202A-E, U+2066-9). */
    static int skipMarks(byte[] b, int p, int to) {
        while (p + 2 < to) {
            int c0 = b[p] & 0xFF;
            int c1 = b[p + 1] & 0xFF;
            int c2 = b[p + 2] & 0xFF;
            if (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF) {
                p += 3;
            } else if (c0 == 0xE2 && c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xAA && c2 <= 0xAE))) {
                p += 3;
            } else if (c0 == 0xE2 && c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) {
                p += 3;
            } else {
                break;
            }
        }
        return p;
    }

    /** Skips spaces, tabs, NBSP, NNBSP, thin space and bidi marks. */
    static int skipSpaces(byte[] b, int p, int to) {
        while (p < to) {
            int s = oneSpace(b, p, to);
            if (s == p) {
                int m = skipMarks(b, p, to);
                if (m == p) {
                    break;
                }
                s = m;
            }
            p = s;
        }
        return p;
    }

    private static boolean isSpace(byte[] b, int p, int to) {
        return oneSpace(b, p, to) > p;
    }

    /** Consumes one white-space character (space, tab, NBSP, NNBSP, thin space) or returns {@code p}. */
    static int oneSpace(byte[] b, int p, int to) {
        if (p >= to) {
            return p;
        }
        int c = b[p] & 0xFF;
        if (c == ' ' || c == '\t') {
            return p + 1;
        }
        if (c == 0xC2 && p + 1 < to && (b[p + 1] & 0xFF) == 0xA0) {
            return p + 2;
        }
        if (c == 0xE2 && p + 2 < to && (b[p + 1] & 0xFF) == 0x80) {
            int c2 = b[p + 2] & 0xFF;
            if (c2 == 0xAF || c2 == 0x89) {
                return p + 3;
            }
        }
        return p;
    }
}
