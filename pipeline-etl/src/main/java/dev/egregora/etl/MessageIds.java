package dev.egregora.etl;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * Stable message ids: a 128-bit MurmurHash3 (x64, seed 0) over chat id, wall-clock time (as written, so independent
 * of the zone chosen), author id, the unmasked text (UTF-8) and the occurrence number of identical
 * (time, author, text) messages in the export, as 32 hex characters ({@code h1} then {@code h2}, big-endian). The
 * same message in a later, overlapping export gets the same id. Not cryptographic: 128 bits make accidental
 * collisions negligible (about 10^-20 for a billion messages); a participant who wanted to make two of their own
 * messages collide could only hide one of them. (Until 2026-11-28 the ids were the first 128 bits of SHA-256; the
 * hash costs several times less per message.) Not thread-safe (reuses its buffer).
 */
final class MessageIds {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final int LONG_TEXT = 1 << 16;
    private final byte[] chat;
    private byte[] buf = new byte[1024];
    private long prefix;

    MessageIds(String chatId) {
        this.chat = chatId.getBytes(StandardCharsets.UTF_8);
    }

    String id(LocalDateTime time, String authorId, String text, int occurrence) {
        // a long text is measured exactly and its buffer not kept: a 50 MB message needed a 150 MB buffer for the
        // whole ingest (reliability finding F8)
        boolean longText = text.length() > LONG_TEXT;
        int textMax = longText ? Utf8Length.of(text) : text.length() * 3;
        int need = chat.length + 1 + 8 + (authorId == null ? 0 : authorId.length()) + 1 + textMax + 3;
        byte[] b = buf;
        if (need > b.length) {
            b = new byte[longText ? need : Math.max(need, b.length * 2)];
            if (!longText) {
                buf = b;
            }
        }
        int p = 0;
        System.arraycopy(chat, 0, b, 0, chat.length);
        p += chat.length;
        b[p++] = 0;
        long packed = ((long) time.getYear() << 40) | ((long) time.getMonthValue() << 32)
                | ((long) time.getDayOfMonth() << 24) | ((long) time.getHour() << 16) | ((long) time.getMinute() << 8)
                | time.getSecond();
        for (int i = 7; i >= 0; i--) {
            b[p++] = (byte) (packed >>> (i * 8));
        }
        if (authorId != null) {
            for (int i = 0, n = authorId.length(); i < n; i++) {
                b[p++] = (byte) authorId.charAt(i);
            }
        }
        b[p++] = 0;
        p = utf8(text, b, p);
        b[p++] = 0;
        b[p++] = (byte) (occurrence >>> 8);
        b[p++] = (byte) occurrence;
        long[] h = murmur3x64(b, p);
        prefix = h[0];
        byte[] hex = new byte[32];
        for (int i = 0; i < 16; i++) {
            hex[i] = HEX[(int) (h[0] >>> (60 - 4 * i)) & 0xF];
            hex[16 + i] = HEX[(int) (h[1] >>> (60 - 4 * i)) & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /** The first 64 bits of the last id returned by {@link #id}. */
    long lastPrefix() {
        return prefix;
    }

    /** UTF-8 of {@code s} (an unpaired surrogate as U+FFFD) into {@code b} at {@code p}. */
    private static int utf8(String s, byte[] b, int p) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\uFFFD';
                }
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    /** MurmurHash3_x64_128 (Austin Appleby, public domain) of {@code b[0..len)}, seed 0: {h1, h2}. */
    static long[] murmur3x64(byte[] b, int len) {
        long h1 = 0;
        long h2 = 0;
        int blocks = len >>> 4;
        for (int i = 0; i < blocks; i++) {
            long k1 = le64(b, i * 16);
            long k2 = le64(b, i * 16 + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks * 16;
        long k1 = 0;
        long k2 = 0;
        switch (len & 15) {
            case 15: k2 ^= (long) (b[tail + 14] & 0xFF) << 48;
            case 14: k2 ^= (long) (b[tail + 13] & 0xFF) << 40;
            case 13: k2 ^= (long) (b[tail + 12] & 0xFF) << 32;
            case 12: k2 ^= (long) (b[tail + 11] & 0xFF) << 24;
            case 11: k2 ^= (long) (b[tail + 10] & 0xFF) << 16;
            case 10: k2 ^= (long) (b[tail + 9] & 0xFF) << 8;
            case 9:
                k2 ^= b[tail + 8] & 0xFF;
                k2 *= C2;
                k2 = Long.rotateLeft(k2, 33);
                k2 *= C1;
                h2 ^= k2;
            case 8: k1 ^= (long) (b[tail + 7] & 0xFF) << 56;
            case 7: k1 ^= (long) (b[tail + 6] & 0xFF) << 48;
            case 6: k1 ^= (long) (b[tail + 5] & 0xFF) << 40;
            case 5: k1 ^= (long) (b[tail + 4] & 0xFF) << 32;
            case 4: k1 ^= (long) (b[tail + 3] & 0xFF) << 24;
            case 3: k1 ^= (long) (b[tail + 2] & 0xFF) << 16;
            case 2: k1 ^= (long) (b[tail + 1] & 0xFF) << 8;
            case 1:
                k1 ^= b[tail] & 0xFF;
                k1 *= C1;
                k1 = Long.rotateLeft(k1, 31);
                k1 *= C2;
                h1 ^= k1;
            default:
                break;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long le64(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
