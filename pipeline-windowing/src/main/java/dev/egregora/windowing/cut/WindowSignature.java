package dev.egregora.windowing.cut;

import dev.egregora.core.model.Ids;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signature of a window: SHA-256 (hex) over a version tag, the writer fingerprint, the window's message count
 * and two 64-bit polynomial hashes (odd multipliers, mod 2^64) of the window's per-message content digests in order.
 * The polynomial folds each message in with one multiply-add, so signing costs about as much as reading the digests;
 * SHA-256 then runs once per window over 24 bytes. Equal signatures mean "same messages, same texts, same author
 * names, same media, same writer settings", so the write stage may skip the window. The window's index, its id and
 * the chat's other messages do not enter it.
 */
public final class WindowSignature {
    /** Bump when the digest recipe changes, so every window is rewritten once. */
    public static final String VERSION = "egregora-window-v2";

    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest prefix;
    private final byte[] buffer = new byte[24];

    /** A signer for one writer fingerprint; reuses its buffers, so NOT thread-safe (one per thread). */
    public WindowSignature(String writerFingerprint) {
        prefix = Ids.sha256();
        prefix.update(VERSION.getBytes(StandardCharsets.UTF_8));
        prefix.update((byte) 0);
        prefix.update((writerFingerprint == null ? "" : writerFingerprint).getBytes(StandardCharsets.UTF_8));
        prefix.update((byte) 0);
    }

    /** @param digests per-message content digests of the chat; the window is {@code [first, end)} */
    public String sign(long[] digests, int first, int end) {
        MessageDigest sha;
        try {
            sha = (MessageDigest) prefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the Java platform are cloneable", e);
        }
        long h1 = 0;
        long h2 = 0;
        for (int i = first; i < end; i++) {
            long d = digests[i];
            h1 = h1 * P1 + d;
            h2 = h2 * P2 + (d ^ (d >>> 31));
        }
        LONGS.set(buffer, 0, (long) (end - first));
        LONGS.set(buffer, 8, h1);
        LONGS.set(buffer, 16, h2);
        sha.update(buffer, 0, 24);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** One-off form of {@link #sign}. */
    public static String of(String writerFingerprint, long[] digests, int first, int end) {
        return new WindowSignature(writerFingerprint).sign(digests, first, end);
    }
}
