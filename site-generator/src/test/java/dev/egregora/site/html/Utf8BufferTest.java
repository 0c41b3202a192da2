package dev.egregora.site.html;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The reusable page buffer encodes exactly like {@code String.getBytes(UTF_8)}. */
class Utf8BufferTest {
    @Property
    void encodesLikeTheJdk(@ForAll String a, @ForAll String b, @ForAll byte[] raw) {
        Utf8Buffer out = Utf8Buffer.forThisThread();
        out.writeContent(a);
        out.writeBinaryContent(raw);
        out.writeContent("x" + b + "y", 1, b.length() + 1);
        byte[] expected = concat(a.getBytes(StandardCharsets.UTF_8), raw, b.getBytes(StandardCharsets.UTF_8));
        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    @Property(tries = 20)
    void aReusedBufferStartsEmpty(@ForAll String a) {
        Utf8Buffer.forThisThread().writeContent("left over");
        Utf8Buffer out = Utf8Buffer.forThisThread();
        out.writeContent(a + "🐟é€");
        assertThat(out.toByteArray()).isEqualTo((a + "🐟é€").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
