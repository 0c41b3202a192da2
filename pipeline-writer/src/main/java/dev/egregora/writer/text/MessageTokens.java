package dev.egregora.writer.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One message tokenized once: its content words as written ({@link ChatText#surfaceWords}), all its words in order
 * with sentence breaks as "." ({@link ChatText#allWordsInOrder}), and its links.
 */
public record MessageTokens(List<String> surface, List<String> inOrder, List<String> urls) {

    public static MessageTokens of(String text) {
        return new MessageTokens(ChatText.surfaceWords(text), ChatText.allWordsInOrder(text), ChatText.urls(text));
    }

    /** The content words, lower-cased. */
    public List<String> lower() {
        List<String> out = new ArrayList<>(surface.size());
        for (String w : surface) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** How many words the message has (sentence breaks not counted). */
    public int wordCount() {
        int n = 0;
        for (String w : inOrder) {
            if (!".".equals(w)) {
                n++;
            }
        }
        return n;
    }
}
