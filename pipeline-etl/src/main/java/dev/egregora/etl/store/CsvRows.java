package dev.egregora.etl.store;

import java.io.IOException;
import java.io.OutputStream;

/** A minimal, fast CSV writer (RFC 4180 quoting, UTF-8) over a byte buffer. Not thread-safe. */
final class CsvRows implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean closed;

    CsvRows(OutputStream out) {
        this.out = out;
    }

    void comma() throws IOException {
        put((byte) ',');
    }

    void newline() throws IOException {
        put((byte) '\n');
    }

    void number(long v) throws IOException {
        if (pos + 20 > buf.length) {
            drain();
        }
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    void bool(boolean v) throws IOException {
        plain(v ? "true" : "false");
    }

    /** An ASCII value that needs no quoting (ids, kinds), or nothing for null. */
    void plain(String s) throws IOException {
        if (s == null) {
            return;
        }
        int n = s.length();
        if (pos + n > buf.length) {
            drain();
        }
        if (n > buf.length) {
            quoted(s);
            return;
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** A quoted UTF-8 value, or nothing for null. */
    void quoted(String s) throws IOException {
        if (s == null) {
            return;
        }
        put((byte) '"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (pos + 4 > buf.length) {
                drain();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    buf[pos++] = '"';
                }
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\uFFFD';
                }
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        put((byte) '"');
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = b;
    }

    private void drain() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        drain();
        out.close();
    }
}
