package dev.egregora.core.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Deterministic identifiers: UUIDv5 (RFC 9562) and SHA-256 hex. */
public final class Ids {
    /** Namespace of author ids: UUIDv5(URL namespace, "https://egregora.dev/ns/author"). */
    public static final UUID AUTHOR_NAMESPACE = uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "https://egregora.dev/ns/author");

    private Ids() {
    }

    /** UUID version 5 (SHA-1, name-based) of {@code name} in {@code namespace}. */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1 = digest("SHA-1");
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /** The author id of a display name: NFKC, trimmed, inner white space folded, lower-cased. */
    public static String authorId(String displayName) {
        String n = Normalizer.normalize(displayName, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return uuid5(AUTHOR_NAMESPACE, n).toString();
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256").digest(bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the Java platform", e);
        }
    }
}
