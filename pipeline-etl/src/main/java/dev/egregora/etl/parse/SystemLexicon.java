package dev.egregora.etl.parse;

import java.util.List;
import java.util.Locale;

/**
 * Phrases of iOS system notices, which carry the chat name as author and an LRM-marked body. Only consulted for
 * such bodies, so a person quoting these words is not affected.
 */
final class SystemLexicon {
    private static final List<String> PHRASES = List.of(
            "end-to-end encrypt", "ende-zu-ende", "de ponta a ponta", "de extremo a extremo", "de bout en bout",
            "end-to-end", "crittografia end-to-end", "сквозным шифрованием",
            "created group", "created this group", "added you", " added ", " removed ", " left", "joined using",
            "changed the subject", "changed this group", "changed the group", "security code", "changed their phone",
            "changed to", "now an admin", "message timer", "disappearing messages", "were added", "was added",
            "criou o grupo", "adicionou", "removeu", "saiu", "hat die gruppe", "hinzugefügt", "entfernt",
            "ha creado el grupo", "añadió", "a créé le groupe", "a ajouté");

    private SystemLexicon() {
    }

    static boolean isSystem(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("<attached") || t.endsWith(" omitted") || t.startsWith("location:")) {
            return false;
        }
        for (String p : PHRASES) {
            if (t.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
