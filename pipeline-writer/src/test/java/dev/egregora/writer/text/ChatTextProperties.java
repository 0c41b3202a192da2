package dev.egregora.writer.text;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

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

    /** The hand-written scan of {@link ChatText#allWordsInOrder} finds what the regex it replaced finds. */
    @Property(tries = 3000)
    void allWordsInOrderFindsWhatTheRegexFinds(@ForAll("wordsAndBreaks") String text) {
        assertThat(ChatText.allWordsInOrder(text)).as(text).isEqualTo(byRegex(text));
    }

    private static List<String> byRegex(String text) {
        String t = text.replaceAll("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+", " . ");
        t = ChatText.FILE.matcher(t).replaceAll(" . ").replace("[phone]", " . ").replace("[email]", " . ");
        List<String> out = new ArrayList<>();
        Matcher m = ChatText.WORD_OR_BREAK.matcher(t.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            out.add(w.length() == 1 && ".!?,;:()\n".indexOf(w.charAt(0)) >= 0 ? "." : ChatText.unElide(w.replace('’', '\'')));
        }
        return out;
    }

    @Provide
    Arbitrary<String> wordsAndBreaks() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("l'", "qu’", "d'été", "x-y", "-", "'", "’", "--", "''", "a-", "-b", "ção", "İ", "ı",
                        "ǅ", "ⅻ", "²", "٣", "e\u0301", "\u20DD", "क्ष", "𝐀", "😂", "\uD835", "\uDC00", "ß", "ﬁ"),
                Arbitraries.of(".", "!", "?", ",", ";", ":", "(", ")", "\n", " ", "\t", "[phone]", "[email]",
                        "https://x.y/z", "www.a.b", "foto.jpg", "…", "—"),
                Arbitraries.strings().withChars("aBc19 '’-.é").ofMaxLength(6));
        return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
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
