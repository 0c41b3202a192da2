package dev.egregora.etl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    @Test
    void murmur3MatchesThePublishedVector() {
        // MurmurHash3_x64_128, seed 0 (the value Guava's Hashing.murmur3_128() prints as 6c1b07bc7bbc4be347939ac4a93c437a)
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        long[] h = MessageIds.murmur3x64(fox, fox.length);
        assertThat(Long.toHexString(h[0])).isEqualTo("e34bbc7bbc071b6c");
        assertThat(Long.toHexString(h[1])).isEqualTo("7a433ca9c49a9347");
        assertThat(MessageIds.murmur3x64(new byte[0], 0)).containsExactly(0L, 0L);
    }

    @Test
    void idsArePinnedAndDependOnEveryInput() {
        MessageIds ids = new MessageIds("wa-0123456789abcdef");
        LocalDateTime t = LocalDateTime.of(2024, 2, 1, 10, 0);
        String a = "3f1c1e2a-0000-5000-8000-000000000000";
        String id = ids.id(t, a, "olá \uD83D\uDE03", 0);
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(ids.lastPrefix()).isEqualTo(Long.parseUnsignedLong(id.substring(0, 16), 16));
        // pinned: changing the scheme changes every stored id (re-ingests would duplicate messages)
        assertThat(id).isEqualTo(PINNED);
        assertThat(new MessageIds("wa-0123456789abcdef").id(t, a, "olá \uD83D\uDE03", 0)).isEqualTo(id);
        assertThat(ids.id(t, a, "olá \uD83D\uDE03", 1)).isNotEqualTo(id);
        assertThat(ids.id(t.plusSeconds(1), a, "olá \uD83D\uDE03", 0)).isNotEqualTo(id);
        assertThat(ids.id(t, null, "olá \uD83D\uDE03", 0)).isNotEqualTo(id);
        assertThat(ids.id(t, a, "olá \uD83D\uDE04", 0)).isNotEqualTo(id);
        assertThat(new MessageIds("wa-0123456789abcdee").id(t, a, "olá \uD83D\uDE03", 0)).isNotEqualTo(id);
        // long texts grow the buffer
        assertThat(ids.id(t, a, "x".repeat(100_000), 0)).matches("[0-9a-f]{32}").isNotEqualTo(id);
    }

    @Test
    void aLongTextHashesItsExactUtf8Bytes() {
        // over 64 Ki chars the buffer is sized by the exact UTF-8 length (F8): multi-byte text must still fit and
        // hash the same bytes as the layout above (chat id, 0, packed time, author, 0, text, 0, occurrence)
        String text = "é".repeat(40_000) + "\uD83D\uDE03".repeat(20_000) + "\uD800" + "€".repeat(10_000);
        LocalDateTime t = LocalDateTime.of(2024, 2, 1, 10, 0, 5);
        MessageIds ids = new MessageIds("wa-1");
        String id = ids.id(t, "a", text, 2);

        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("wa-1".getBytes(StandardCharsets.UTF_8));
        b.write(0);
        long packed = (2024L << 40) | (2L << 32) | (1L << 24) | (10L << 16) | 5;
        for (int i = 7; i >= 0; i--) {
            b.write((int) (packed >>> (i * 8)));
        }
        b.write('a');
        b.write(0);
        b.writeBytes(text.replace("\uD800", "\uFFFD").getBytes(StandardCharsets.UTF_8));
        b.write(0);
        b.write(0);
        b.write(2);
        long[] h = MessageIds.murmur3x64(b.toByteArray(), b.size());
        assertThat(id).isEqualTo(String.format("%016x%016x", h[0], h[1]));
        assertThat(ids.id(t, "a", "short", 0)).isEqualTo(new MessageIds("wa-1").id(t, "a", "short", 0));
    }

    private static final String PINNED = "c6f2f52310239a30f9349282f005cd49";
}
