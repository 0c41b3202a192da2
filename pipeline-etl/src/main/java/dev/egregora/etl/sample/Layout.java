package dev.egregora.etl.sample;

import dev.egregora.core.port.InputAdapter.DateOrder;

import java.time.LocalDateTime;

/** Header layouts the sample generator writes (a representative subset of whatsapp-formats.md §2.2). */
public enum Layout {
    /** {@code 31/12/2024, 23:59 - Name: text} (Android, en-GB/pt/es, 24 h). */
    ANDROID_DMY_24H(DateOrder.DMY, false, "(file attached)"),
    /** {@code 12/31/24, 11:59\u202FPM - Name: text} (Android en-US, NNBSP before the meridiem). */
    ANDROID_MDY_12H(DateOrder.MDY, false, "(file attached)"),
    /** {@code 31/12/2024 23:59 - Name: text} (Android pt-BR, no comma). */
    ANDROID_PT_BR(DateOrder.DMY, false, "(arquivo anexado)"),
    /** {@code 31.12.24, 23:59 - Name: text} (Android de). */
    ANDROID_DE(DateOrder.DMY, false, "(Datei angehängt)"),
    /** {@code 2024. 12. 31. 오후 11:59 - Name: text} (Android ko, meridiem first). */
    ANDROID_KO(DateOrder.YMD, false, "(파일 첨부됨)"),
    /** {@code [31/12/2024, 23:59:59] Name: text} (iOS, 24 h with seconds). */
    IOS_DMY_24H(DateOrder.DMY, true, null),
    /** {@code [12/31/24, 11:59:59\u202FPM] Name: text} (iOS en-US). */
    IOS_MDY_12H(DateOrder.MDY, true, null),
    /** {@code [31/12/24, 11:59:59 p. m.] Name: text} (iOS es). */
    IOS_ES_12H(DateOrder.DMY, true, null);

    private final DateOrder order;
    private final boolean ios;
    private final String attachedLabel;

    Layout(DateOrder order, boolean ios, String attachedLabel) {
        this.order = order;
        this.ios = ios;
        this.attachedLabel = attachedLabel;
    }

    public DateOrder order() {
        return order;
    }

    public boolean ios() {
        return ios;
    }

    /** True when the layout writes seconds. */
    public boolean seconds() {
        return ios;
    }

    /** The header of a message at {@code t}, up to and including the separator before the author. */
    public String header(LocalDateTime t) {
        int y = t.getYear();
        int mo = t.getMonthValue();
        int d = t.getDayOfMonth();
        int h = t.getHour();
        int mi = t.getMinute();
        int s = t.getSecond();
        int h12 = h % 12 == 0 ? 12 : h % 12;
        StringBuilder b = new StringBuilder(32);
        switch (this) {
            case ANDROID_DMY_24H -> b.append(p2(d)).append('/').append(p2(mo)).append('/').append(y).append(", ")
                    .append(p2(h)).append(':').append(p2(mi)).append(" - ");
            case ANDROID_MDY_12H -> b.append(mo).append('/').append(d).append('/').append(p2(y % 100)).append(", ")
                    .append(h12).append(':').append(p2(mi)).append('\u202F').append(h < 12 ? "AM" : "PM").append(" - ");
            case ANDROID_PT_BR -> b.append(p2(d)).append('/').append(p2(mo)).append('/').append(y).append(' ')
                    .append(p2(h)).append(':').append(p2(mi)).append(" - ");
            case ANDROID_DE -> b.append(p2(d)).append('.').append(p2(mo)).append('.').append(p2(y % 100)).append(", ")
                    .append(p2(h)).append(':').append(p2(mi)).append(" - ");
            case ANDROID_KO -> b.append(y).append(". ").append(mo).append(". ").append(d).append(". ")
                    .append(h < 12 ? "오전 " : "오후 ").append(h12).append(':').append(p2(mi)).append(" - ");
            case IOS_DMY_24H -> b.append('[').append(p2(d)).append('/').append(p2(mo)).append('/').append(y).append(", ")
                    .append(p2(h)).append(':').append(p2(mi)).append(':').append(p2(s)).append("] ");
            case IOS_MDY_12H -> b.append('[').append(mo).append('/').append(d).append('/').append(p2(y % 100))
                    .append(", ").append(h12).append(':').append(p2(mi)).append(':').append(p2(s)).append('\u202F')
                    .append(h < 12 ? "AM" : "PM").append("] ");
            case IOS_ES_12H -> b.append('[').append(d).append('/').append(mo).append('/').append(p2(y % 100))
                    .append(", ").append(h12).append(':').append(p2(mi)).append(':').append(p2(s))
                    .append(h < 12 ? " a. m.] " : " p. m.] ");
            default -> throw new IllegalStateException(name());
        }
        return b.toString();
    }

    /** How an attachment reads in a body. */
    public String attachment(String fileName) {
        return ios ? "\u200E<attached: " + fileName + ">" : "\u200E" + fileName + " " + attachedLabel;
    }

    private static String p2(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
