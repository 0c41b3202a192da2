package dev.egregora.site.html;

import gg.jte.TemplateOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template output that encodes into one growing UTF-8 byte array, reused by a thread from page to page: a page
 * costs one exact-size copy at the end instead of a byte array per written fragment plus the copy that joins
 * them. Not thread-safe; see {@link #forThisThread()}.
 */
final class Utf8Buffer implements TemplateOutput {
    private static final ThreadLocal<Utf8Buffer> PER_THREAD = ThreadLocal.withInitial(Utf8Buffer::new);
    /** A buffer that grew beyond this is dropped after use, so one huge page does not stay in memory per thread. */
    private static final int KEEP = 1 << 20;

    private byte[] buf;
    private int len;

    private Utf8Buffer() {
        this(16 * 1024);
    }

    /** A buffer of its own (not this thread's), for output that is rendered while a page may be in this thread's. */
    Utf8Buffer(int capacity) {
        buf = new byte[capacity];
    }

    /** This thread's buffer, emptied. Take the bytes with {@link #toByteArray()} before rendering the next page. */
    static Utf8Buffer forThisThread() {
        Utf8Buffer b = PER_THREAD.get();
        if (b.buf.length > KEEP) {
            b.buf = new byte[16 * 1024];
        }
        b.len = 0;
        return b;
    }

    @Override
    public void writeContent(String s) {
        writeContent(s, 0, s.length());
    }

    @Override
    public void writeContent(String s, int from, int to) {
        ensure((to - from) * 3);
        byte[] b = buf;
        int at = len;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) encodes it
            } else {
                b[at++] = (byte) (0xE0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        len = at;
    }

    @Override
    public void writeBinaryContent(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** The bytes split at every occurrence of an ASCII {@code marker}, which is left out. */
    byte[][] split(byte[] marker) {
        List<byte[]> parts = new ArrayList<>(8);
        int from = 0;
        int last = len - marker.length;
        for (int i = 0; i <= last; i++) {
            if (buf[i] == marker[0] && Arrays.equals(buf, i, i + marker.length, marker, 0, marker.length)) {
                parts.add(Arrays.copyOfRange(buf, from, i));
                from = i + marker.length;
                i = from - 1;
            }
        }
        parts.add(Arrays.copyOfRange(buf, from, len));
        return parts.toArray(new byte[0][]);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
