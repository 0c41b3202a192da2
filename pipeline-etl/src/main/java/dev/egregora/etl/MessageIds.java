package dev.egregora.etl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;

/**
 * Stable message ids: SHA-256 over chat id, wall-clock time (as written, so independent of the zone chosen), author
 * id, the unmasked text and the occurrence number of identical (time, author, text) messages in the export; the id
 * is the first 128 bits as 32 hex characters. The same message in a later, overlapping export gets the same id.
 * Not thread-safe (reuses its digest).
 */
final class MessageIds {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MessageDigest sha;
    private final byte[] chat;
    private long prefix;

    MessageIds(MessageDigest sha, String chatId) {
        this.sha = sha;
        this.chat = chatId.getBytes(StandardCharsets.UTF_8);
    }

    String id(LocalDateTime time, String authorId, String text, int occurrence) {
        sha.update(chat);
        sha.update((byte) 0);
        long packed = ((long) time.getYear() << 40) | ((long) time.getMonthValue() << 32)
                | ((long) time.getDayOfMonth() << 24) | ((long) time.getHour() << 16) | ((long) time.getMinute() << 8)
                | time.getSecond();
        for (int i = 7; i >= 0; i--) {
            sha.update((byte) (packed >>> (i * 8)));
        }
        if (authorId != null) {
            sha.update(authorId.getBytes(StandardCharsets.ISO_8859_1));
        }
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update((byte) (occurrence >>> 8));
        sha.update((byte) occurrence);
        byte[] d = sha.digest();
        long p = 0;
        for (int i = 0; i < 8; i++) {
            p = (p << 8) | (d[i] & 0xFF);
        }
        prefix = p;
        byte[] hex = new byte[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX[(d[i] >>> 4) & 0xF];
            hex[2 * i + 1] = HEX[d[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    /** The first 64 bits of the last id returned by {@link #id}. */
    long lastPrefix() {
        return prefix;
    }
}
