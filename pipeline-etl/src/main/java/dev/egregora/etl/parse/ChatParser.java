package dev.egregora.etl.parse;

import dev.egregora.core.port.InputAdapter.DateOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streaming parser of WhatsApp chat exports (every layout of {@code whatsapp-formats.md} §2.2 that uses numeric
 * dates). Works on raw UTF-8 bytes line by line; only bodies and author names become {@code String}s.
 *
 * <p>A line starting with a header opens a message; any other line continues the open message (or is skipped as
 * {@link #SKIP_BEFORE_FIRST} when none is open). The layout of the first header (Android {@code " - "}, iOS
 * {@code "[...] "}, old iOS {@code ": "}) is locked for the file, so a pasted line in another layout stays text.
 * A header body with no {@code ": "} is a system message (author null), never glued onto the previous message.
 *
 * <p>Day/month order is decided by {@link #detectDateOrder} over the distinct dates of the file (a first pass over
 * the headers only), unless the caller fixes it. Built once by {@link #builder()}; immutable and thread-safe.
 */
public final class ChatParser {
    /** Skip reasons reported in {@link ParseStats#skipped()}. */
    public static final String SKIP_BEFORE_FIRST = "text before the first message";
    public static final String SKIP_TOO_LONG = "line longer than the limit";
    public static final String SKIP_BAD_DATE = "header with an impossible date or time";
    public static final String SKIP_EMPTY = "empty message";
    public static final String SKIP_UNKNOWN_MONTH = "header with an unknown month name";

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final int maxLineBytes;
    private final boolean keepEmpty;

    private ChatParser(Builder b) {
        this.maxLineBytes = b.maxLineBytes;
        this.keepEmpty = b.keepEmpty;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ChatParser standard() {
        return builder().build();
    }

    /** Settings of a parser. */
    public static final class Builder {
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private boolean keepEmpty;

        /** Lines longer than this many bytes are skipped and counted (default 1 MiB). */
        public Builder maxLineBytes(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxLineBytes must be >= 64: " + bytes);
            }
            this.maxLineBytes = bytes;
            return this;
        }

        /** Emit user messages whose text is empty (default false: they are skipped and counted). */
        public Builder keepEmpty(boolean keep) {
            this.keepEmpty = keep;
            return this;
        }

        public ChatParser build() {
            return new ChatParser(this);
        }
    }

    // ------------------------------------------------------------------------------------------------ date order

    /**
     * Decides the day/month order from the headers of {@code in} (read to the end, or until the order is certain):
     * year-first dates give {@code YMD}; a first number above 12 gives {@code DMY}, a second one {@code MDY};
     * otherwise the first number decreasing within a year means days, then the number that changes more, then
     * {@code DMY} (the default of the reference parser). Never returns {@code AUTO}.
     */
    public DateOrder detectDateOrder(InputStream in) throws IOException {
        Header h = new Header();
        Set<Long> distinct = new LinkedHashSet<>();
        DateOrder[] decided = new DateOrder[1];
        int[] layout = {0};
        boolean[] first = {true};
        new ByteLines(maxLineBytes).read(in, new ByteLines.Sink() {
            @Override
            public boolean line(byte[] buf, int start, int end, long lineNo) {
                if (!HeaderScanner.scan(buf, start, end, h)) {
                    return true;
                }
                if (layout[0] == 0) {
                    layout[0] = h.separator;
                } else if (layout[0] != h.separator) {
                    return true;
                }
                boolean firstHeader = first[0];
                first[0] = false;
                if (h.monthName) {
                    decided[0] = DateOrder.DMY; // the order of the numeric dates, should the file mix both
                    return false;
                }
                if (h.len1 >= 3) {
                    decided[0] = DateOrder.YMD;
                    return false;
                }
                if (h.n1 > 12) {
                    decided[0] = DateOrder.DMY;
                    return false;
                }
                if (h.n2 > 12) {
                    decided[0] = DateOrder.MDY;
                    return false;
                }
                if (firstHeader && colonSpace(buf, h.bodyStart, end) < 0) {
                    return true; // the E2E notice on line 1 may be dated later than the chat start
                }
                distinct.add(((long) h.n3 << 32) | ((long) h.n1 << 16) | h.n2);
                return true;
            }

            @Override
            public void tooLong(long lineNo) {
                // nothing to learn from it
            }
        });
        if (decided[0] != null) {
            return decided[0];
        }
        return orderOf(new ArrayList<>(distinct));
    }

    /** Pustur's chain after the "> 12" check: decreasing within a year, then change frequency, then DMY. */
    static DateOrder orderOf(List<Long> dates) {
        Map<Integer, List<int[]>> byYear = new LinkedHashMap<>();
        for (long d : dates) {
            int year = (int) (d >>> 32);
            byYear.computeIfAbsent(year, k -> new ArrayList<>()).add(new int[]{(int) ((d >>> 16) & 0xFFFF),
                    (int) (d & 0xFFFF)});
        }
        boolean anyDayFirst = false;
        boolean anyMonthFirst = false;
        for (List<int[]> ds : byYear.values()) {
            boolean dayFirst = false;
            for (int i = 1; i < ds.size(); i++) {
                if (ds.get(i)[0] < ds.get(i - 1)[0]) {
                    dayFirst = true;
                    break;
                }
            }
            if (dayFirst) {
                anyDayFirst = true;
                continue;
            }
            for (int i = 1; i < ds.size(); i++) {
                if (ds.get(i)[1] < ds.get(i - 1)[1]) {
                    anyMonthFirst = true;
                    break;
                }
            }
        }
        if (anyDayFirst) {
            return DateOrder.DMY;
        }
        if (anyMonthFirst) {
            return DateOrder.MDY;
        }
        long first = 0;
        long second = 0;
        for (int i = 1; i < dates.size(); i++) {
            long a = dates.get(i - 1);
            long b = dates.get(i);
            first += Math.abs(((a >>> 16) & 0xFFFF) - ((b >>> 16) & 0xFFFF));
            second += Math.abs((a & 0xFFFF) - (b & 0xFFFF));
        }
        return first < second ? DateOrder.MDY : DateOrder.DMY;
    }

    /** True when one of the lines in {@code head[0, len)} starts with a message header (the last line may be cut). */
    public static boolean startsLikeChat(byte[] head, int len) {
        Header h = new Header();
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i == len || head[i] == '\n' || head[i] == '\r') {
                if (i > start && HeaderScanner.scan(head, start, i, h)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------ parsing

    /**
     * Parses {@code in} with a fixed date order ({@code AUTO} is not allowed here: call {@link #detectDateOrder}
     * first) and hands each message to {@code sink} in file order.
     */
    public ParseStats parse(InputStream in, DateOrder order, Consumer<ParsedMessage> sink) throws IOException {
        Objects.requireNonNull(order, "order");
        if (order == DateOrder.AUTO) {
            throw new IllegalArgumentException("resolve DateOrder.AUTO with detectDateOrder first");
        }
        State st = new State(order, sink, keepEmpty);
        long lines = new ByteLines(maxLineBytes).read(in, st);
        st.flush();
        return new ParseStats(lines, st.messages, st.system, st.invalidUtf8, Map.copyOf(st.skipped));
    }

    /** Parses a whole string (tests, samples); decides the date order first when {@code order} is AUTO. */
    public List<ParsedMessage> parse(String text, DateOrder order) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<ParsedMessage> out = new ArrayList<>();
        try {
            DateOrder o = order == DateOrder.AUTO ? detectDateOrder(new java.io.ByteArrayInputStream(bytes)) : order;
            parse(new java.io.ByteArrayInputStream(bytes), o, out::add);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
        return out;
    }

    private static final class State implements ByteLines.Sink {
        private final DateOrder order;
        private final Consumer<ParsedMessage> sink;
        private final boolean keepEmpty;
        private final Header h = new Header();
        private final Map<String, Long> skipped = new LinkedHashMap<>();
        private int layout;
        long messages;
        long system;
        long invalidUtf8;

        // the open message
        private boolean open;
        private long line;
        private LocalDateTime time;
        private String author;
        private String firstText;
        private final StringBuilder more = new StringBuilder();
        private boolean multi;
        // small cache of decoded author names (byte-equal to the last ones seen)
        private final byte[][] authorBytes = new byte[8][];
        private final String[] authorNames = new String[8];
        private int authorNext;
        // one-entry date cache
        private long lastDateKey = -1;
        private int lastY;
        private int lastM;
        private int lastD;
        private boolean lastValid;

        State(DateOrder order, Consumer<ParsedMessage> sink, boolean keepEmpty) {
            this.order = order;
            this.sink = sink;
            this.keepEmpty = keepEmpty;
        }

        @Override
        public boolean line(byte[] buf, int start, int end, long lineNo) {
            if (HeaderScanner.scan(buf, start, end, h) && (layout == 0 || layout == h.separator)) {
                if (layout == 0) {
                    layout = h.separator;
                }
                flush();
                LocalDateTime t = timeOf();
                if (t == null) {
                    skip(h.monthName && h.n2 == 0 ? SKIP_UNKNOWN_MONTH : SKIP_BAD_DATE);
                    return true;
                }
                int body = h.bodyStart;
                int colon = colonSpace(buf, body, end);
                String who = null;
                int textStart = body;
                if (colon >= 0) {
                    who = author(buf, body, colon); // null when the "author" is really a system line
                    textStart = who == null ? body : colon + 2;
                }
                String text = decode(buf, textStart, end);
                if (who != null && h.separator == Header.SEP_BRACKET && startsWithLrm(buf, textStart, end)
                        && SystemLexicon.isSystem(text)) {
                    who = null; // iOS: system notices carry the chat name as author and an LRM-marked body
                }
                open = true;
                line = lineNo;
                time = t;
                author = who;
                firstText = text;
                multi = false;
                return true;
            }
            if (!open) {
                if (end > start) {
                    skip(SKIP_BEFORE_FIRST);
                }
                return true;
            }
            if (!multi) {
                more.setLength(0);
                more.append(firstText);
                multi = true;
            }
            more.append('\n').append(decode(buf, start, end));
            return true;
        }

        @Override
        public void tooLong(long lineNo) {
            skip(SKIP_TOO_LONG);
        }

        void flush() {
            if (!open) {
                return;
            }
            open = false;
            String text = multi ? more.toString().strip() : firstText.strip();
            if (text.isEmpty() && author != null && !keepEmpty) {
                skip(SKIP_EMPTY);
                return;
            }
            messages++;
            if (author == null) {
                system++;
            }
            sink.accept(new ParsedMessage(line, time, author, text));
        }

        private void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }

        private LocalDateTime timeOf() {
            long key = ((long) h.n1 << 40) | ((long) h.n2 << 24) | ((long) h.n3 << 8) | (h.len3 << 4)
                    | (h.len1 << 1) | (h.eraYear ? 1 : 0);
            key ^= (long) h.yearOffset * 31;
            if (h.monthName) {
                key ^= 1L << 63;
            }
            if (key != lastDateKey) {
                lastDateKey = key;
                resolveDate();
            }
            if (!lastValid) {
                return null;
            }
            int hour = h.hour;
            if (h.meridiem == Header.MER_AM && hour == 12) {
                hour = 0;
            } else if (h.meridiem == Header.MER_PM && hour < 12) {
                hour += 12;
            }
            if (hour == 24) {
                hour = 0; // "24:00" is rare; read as midnight of the same date
            }
            try {
                return LocalDateTime.of(lastY, lastM, lastD, hour, h.minute, h.second);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private void resolveDate() {
            int y;
            int m;
            int d;
            if (h.monthName) {
                d = h.n1;
                m = h.n2;
                y = h.n3 + (h.len3 <= 2 ? 2000 : 0);
            } else if (h.len1 >= 3 || order == DateOrder.YMD) {
                y = h.n1;
                m = h.n2;
                d = h.n3;
                if (h.len1 <= 2) {
                    y += 2000;
                }
            } else {
                if (order == DateOrder.MDY) {
                    m = h.n1;
                    d = h.n2;
                } else {
                    d = h.n1;
                    m = h.n2;
                }
                y = h.n3;
                if (h.eraYear) {
                    y += h.yearOffset;
                } else {
                    if (h.len3 <= 2) {
                        y += 2000;
                    }
                    y += h.yearOffset;
                }
            }
            lastY = y;
            lastM = m;
            lastD = d;
            lastValid = m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2999
                    && d <= java.time.YearMonth.of(y, m).lengthOfMonth();
        }

        private String author(byte[] buf, int from, int to) {
            int len = to - from;
            for (int i = 0; i < authorBytes.length; i++) {
                byte[] a = authorBytes[i];
                if (a != null && a.length == len && java.util.Arrays.equals(a, 0, len, buf, from, to)) {
                    return authorNames[i];
                }
            }
            String name = cleanName(decode(buf, from, to));
            if (name.isEmpty() || looksLikeSystem(name)) {
                name = null;
            }
            int slot = authorNext;
            authorNext = (authorNext + 1) & (authorBytes.length - 1);
            authorBytes[slot] = java.util.Arrays.copyOfRange(buf, from, to);
            authorNames[slot] = name;
            return name;
        }

        /** Decodes UTF-8, counting malformed input; drops BOMs and bidi marks. */
        private String decode(byte[] buf, int from, int to) {
            int len = to - from;
            String s = new String(buf, from, len, StandardCharsets.UTF_8);
            if (s.length() == len && s.indexOf('\uFFFD') < 0) {
                return s; // pure ASCII (indexOf of a non-Latin-1 char is O(1) on a Latin-1 string)
            }
            if (s.indexOf('\uFFFD') >= 0) {
                invalidUtf8 += Utf8.malformed(buf, from, to);
            }
            return TextCleaner.dropMarks(s);
        }
    }

    static String cleanName(String raw) {
        String s = raw.strip();
        // unsaved contacts: "~ Name" / "~\u202FName"
        if (s.startsWith("~")) {
            s = s.substring(1).replace('\u202F', ' ').strip();
        }
        return s;
    }

    /** An "author" that is really a system line containing ": " (e.g. a quoted subject). */
    static boolean looksLikeSystem(String author) {
        for (int i = 0; i < author.length(); i++) {
            char c = author.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                return true;
            }
        }
        return author.length() > 80;
    }

    /** Position of the first {@code ": "} (colon then a space or tab) in {@code b[from, to)}, or -1. */
    static int colonSpace(byte[] b, int from, int to) {
        int stop = Math.min(to - 1, from + 256); // no author name is that long; a later ": " is text
        for (int i = from; i < stop; i++) {
            if (b[i] == ':' && (b[i + 1] == ' ' || b[i + 1] == '\t')) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithLrm(byte[] b, int p, int to) {
        return p + 2 < to && (b[p] & 0xFF) == 0xE2 && (b[p + 1] & 0xFF) == 0x80 && (b[p + 2] & 0xFF) == 0x8E;
    }
}
