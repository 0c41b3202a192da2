package dev.egregora.etl.parse;

/** The fields of one recognised header line; a reusable, mutable scratch object of {@link HeaderScanner}. */
final class Header {
    static final int MER_NONE = 0;
    static final int MER_AM = 1;
    static final int MER_PM = 2;

    /** Separator layouts: Android {@code " - "}, iOS {@code "] "}, old iOS {@code ": "}. */
    static final int SEP_DASH = 1;
    static final int SEP_BRACKET = 2;
    static final int SEP_COLON = 3;
    static final int SEP_SPACE = 4;

    int n1;
    int n2;
    int n3;
    int len1;
    int len3;
    /** Added to a year written in an era or the Buddhist calendar (negative for BE). */
    int yearOffset;
    boolean eraYear;
    int hour;
    int minute;
    int second;
    int meridiem;
    int separator;
    int bodyStart;
    char dateSeparator;
    boolean trailingDot;
    /** The month was a name ({@code 28 Aug 2013}): {@code n1} is the day and {@code n2} the month in any order. */
    boolean monthName;
    int scratch;
}
