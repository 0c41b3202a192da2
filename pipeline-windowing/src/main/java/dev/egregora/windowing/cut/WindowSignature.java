package dev.egregora.windowing.cut;

import dev.egregora.core.model.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a window: SHA-256 (hex) over a version tag, the writer fingerprint and the content digests of the
 * window's messages in order. Equal signatures mean "same messages, same texts, same author names, same media, same
 * writer settings", so the write stage may skip the window. The window's index, its id and the chat's other
 * messages do not enter it.
 */
public final class WindowSignature {
    /** Bump when the digest recipe changes, so every window is rewritten once. */
    public static final String VERSION = "egregora-window-v1";

    private WindowSignature() {
    }

    /** @param digests per-message content digests of the chat; the window is {@code [first, end)} */
    public static String of(String writerFingerprint, long[] digests, int first, int end) {
        MessageDigest sha = Ids.sha256();
        sha.update(VERSION.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update((writerFingerprint == null ? "" : writerFingerprint).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * 512);
        java.nio.LongBuffer longs = buf.asLongBuffer();
        for (int i = first; i < end; i += 512) {
            int len = Math.min(512, end - i);
            longs.clear();
            longs.put(digests, i, len);
            sha.update(buf.array(), 0, len * 8);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
