package dev.egregora.writer.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTextTest {

    @Test
    void wordsSkipLinksMasksFileNamesAndShortWords() {
        assertThat(ChatText.words("Check https://x.com/a_b now, ok? Call [phone] re IMG-20250101-WA0001.jpg Ação!"))
                .containsExactly("check", "now", "call", "ação");
    }

    @Test
    void frenchElisionsAreDropped() {
        assertThat(ChatText.words("J'apporte l'anniversaire d'accord aujourd'hui"))
                .containsExactly("apporte", "anniversaire", "accord", "aujourd'hui");
    }

    @Test
    void urlsLoseTrailingPunctuationButKeepBalancedParentheses() {
        assertThat(ChatText.urls("see https://a.com/x?y=1. and (https://en.wikipedia.org/wiki/Foo_(bar)) or www.b.org!"))
                .containsExactly("https://a.com/x?y=1", "https://en.wikipedia.org/wiki/Foo_(bar)", "https://www.b.org");
    }

    @Test
    void emojiKeepTheirModifiersSequencesAndFlags() {
        assertThat(ChatText.emoji("ok 👍🏽 👨‍👩‍👧 ❤️ 🇧🇷 😂😂 ✈️"))
                .containsExactly("👍🏽", "👨‍👩‍👧", "❤️", "🇧🇷", "😂", "😂", "✈️");
        assertThat(ChatText.emoji("no emoji here: 1 + 1 = 2")).isEmpty();
    }

    @Test
    void languagesAreDetectedByStopwords() {
        assertThat(Language.detect(ChatText.allWords("eu não sei se você vai na festa"))).isEqualTo(Language.PT);
        assertThat(Language.detect(ChatText.allWords("yo no sé si el viernes hay cena y vino"))).isEqualTo(Language.ES);
        assertThat(Language.detect(ChatText.allWords("ich weiß nicht, ob das Wetter hält"))).isEqualTo(Language.DE);
        assertThat(Language.detect(ChatText.allWords("je ne sais pas si on est libres"))).isEqualTo(Language.FR);
        assertThat(Language.detect(ChatText.allWords("I don't know if we are free"))).isEqualTo(Language.EN);
        assertThat(Language.detect(ChatText.allWords("😂 👍"))).isEqualTo(Language.EN);
    }

    @Test
    void aHugeMessageIsAnalysedOnlyAsFarAsItsFirst64KiCharacters() {
        String huge = "alpha https://example.org/start 😀 " + "filler ".repeat(20_000)
                + " omega https://example.org/end 🎉";
        assertThat(huge.length()).isGreaterThan(ChatText.MAX_ANALYSED_CHARS);
        assertThat(ChatText.words(huge)).contains("alpha").doesNotContain("omega");
        assertThat(ChatText.allWordsInOrder(huge)).contains("alpha").doesNotContain("omega");
        assertThat(ChatText.allWords(huge)).contains("alpha").doesNotContain("omega");
        assertThat(ChatText.urls(huge)).containsExactly("https://example.org/start");
        assertThat(ChatText.emoji(huge)).containsExactly("😀");
    }

    @Test
    void theAnalysedPrefixNeverSplitsASurrogatePair() {
        String text = "a".repeat(ChatText.MAX_ANALYSED_CHARS - 1) + "😀" + "tail";
        String prefix = ChatText.analysed(text);
        assertThat(prefix).hasSize(ChatText.MAX_ANALYSED_CHARS - 1);
        assertThat(Character.isHighSurrogate(prefix.charAt(prefix.length() - 1))).isFalse();
    }
}
