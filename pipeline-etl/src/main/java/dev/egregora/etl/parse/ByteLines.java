package dev.egregora.etl.parse;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, {@code \r\n} or a bare {@code \r}) without decoding it. The hot loop
 * of the parser: one growable buffer, no per-line allocation. Lines longer than {@code maxLineBytes} are passed over
 * (their bytes are never buffered whole) and reported through {@link Sink#tooLong(long)}.
 * Not thread-safe; one instance per stream (and per {@link #read}).
 */
final class ByteLines {
    private static final int CHUNK = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    interface Sink {
        /** One line, without its terminator; {@code lineNo} is 1-based. Return false to stop reading. */
        boolean line(byte[] buf, int start, int end, long lineNo);

        /** A line longer than the cap was skipped. */
        void tooLong(long lineNo);
    }

    private final int maxLineBytes;

    ByteLines(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    // the state of one read: kept in fields so that the loops live in small methods that C2 compiles as such
    // (one read() is a single call: a loop inside it, with the whole sink inlined, could only be OSR-compiled, and was
    // recompiled whole after every deoptimisation in the sink)
    private long lineNo;
    private boolean skipping; // inside an over-long line: drop bytes up to its terminator
    private boolean pendingCr; // previous chunk ended in \r: a following \n belongs to it
    private boolean stopped;

    /** Feeds every line of {@code in} to {@code sink}; returns the number of lines seen. */
    long read(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[Math.max(CHUNK * 2, 1 << 17)];
        int start = 0;   // start of the current (unfinished) line in buf
        int limit = 0;   // bytes valid in buf
        int scan = 0;    // where to continue looking for a terminator
        lineNo = 0;
        skipping = false;
        pendingCr = false;
        stopped = false;
        while (true) {
            if (limit == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, limit - start);
                    limit -= start;
                    scan -= start;
                    start = 0;
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                break;
            }
            if (pendingCr && n > 0) {
                pendingCr = false;
                if (buf[limit] == '\n' && start == limit) {
                    // the \n of a \r\n split across reads
                    start++;
                    scan = start;
                }
            }
            limit += n;
            start = lines(buf, start, scan, limit, sink);
            if (stopped) {
                return lineNo;
            }
            if (!skipping && limit - start > maxLineBytes) {
                skipping = true;
                sink.tooLong(lineNo + 1);
            }
            if (skipping) {
                // forget the bytes of the over-long line seen so far
                start = limit;
            }
            scan = limit;
            if (start == limit) {
                start = 0;
                limit = 0;
                scan = 0;
            }
        }
        if (start < limit && !skipping) {
            lineNo++;
            sink.line(buf, start, limit, lineNo);
        } else if (skipping) {
            lineNo++;
        }
        return lineNo;
    }

    /**
     * Hands every complete line of {@code buf[start, limit)} (terminators searched from {@code scan}) to the sink;
     * returns the start of the unfinished last line ({@link #stopped} set if the sink said stop).
     */
    private int lines(byte[] buf, int start, int scan, int limit, Sink sink) {
        int i = scan;
        while (true) {
            i = terminator(buf, i, limit);
            if (i == limit) {
                return start;
            }
            int end = i;
            if (buf[i] == '\r') {
                if (i + 1 < limit) {
                    if (buf[i + 1] == '\n') {
                        i++;
                    }
                } else {
                    pendingCr = true;
                }
            }
            lineNo++;
            if (skipping) {
                skipping = false;
            } else if (end - start > maxLineBytes) {
                sink.tooLong(lineNo);
            } else if (!sink.line(buf, start, end, lineNo)) {
                stopped = true;
                return start;
            }
            i++;
            start = i;
        }
    }

    /** The index of the first {@code \n} or {@code \r} in {@code buf[i, limit)}, or {@code limit}. */
    private static int terminator(byte[] buf, int i, int limit) {
        // 8 bytes at a time (SWAR), then byte by byte
        while (i + 8 <= limit) {
            long v = (long) LONGS.get(buf, i);
            long n1 = v ^ 0x0A0A0A0A0A0A0A0AL;
            long n2 = v ^ 0x0D0D0D0D0D0D0D0DL;
            long z = ((n1 - 0x0101010101010101L) & ~n1) | ((n2 - 0x0101010101010101L) & ~n2);
            if ((z & 0x8080808080808080L) != 0) {
                break;
            }
            i += 8;
        }
        while (i < limit) {
            byte c = buf[i];
            if (c == '\n' || c == '\r') {
                return i;
            }
            i++;
        }
        return limit;
    }
}
