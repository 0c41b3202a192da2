package dev.egregora.writer.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTextProperties {

    /** The cheap pre-check may say "maybe" too often, never "no" when the file-name regex would match. */
    @Property(tries = 3000)
    void theFileNamePreCheckNeverHidesAMatch(@ForAll("chatLike") String text) {
        if (ChatText.FILE.matcher(text).find()) {
            assertThat(ChatText.mayHaveFileName(text)).as(text).isTrue();
        }
    }

    @Property(tries = 200)
    void aPlainSentenceSkipsTheRegex(@ForAll("words") String sentence) {
        assertThat(ChatText.mayHaveFileName(sentence + ". Ok.")).isFalse();
    }

    @Provide
    Arbitrary<String> chatLike() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("IMG-0001", "foto", "a_b", "x-y", "ção", "42", "Ärger", "word", "İ", "ı"),
                Arbitraries.of(".jpg", ".JPEG", ".png", ".3gp", ".Mp4", ".pdf", ".docx", ".zip", ".vcf", ".txt",
                        ".", ". ", "..", ".j", ".ı", ".İ", ".x", ".3"),
                Arbitraries.of(" ", "\n", "!", "(", ")", "é", "😂", "-", "_", ""));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcdefghij çãé").ofMaxLength(40);
    }
}
