package dev.egregora.etl.classify;

import java.util.List;
import java.util.Locale;

/**
 * Table-driven classification of a message body: attachments in every form ({@code <attached: X>} and its
 * localized labels, {@code X (file attached)} and its translations, old {@code X <attached>}), omitted media,
 * edited markers, deleted messages and {@code /egregora} commands. Stateless and thread-safe.
 */
public final class BodyClassifier {
    private static final List<String> EDITED = List.of(
            "<This message was edited>", "<Este mensaje fue editado>", "<Se editó este mensaje.>",
            "<Diese Nachricht wurde bearbeitet>", "<Ce message a été modifié>", "<Questo messaggio è stato modificato>",
            "<Esta mensagem foi editada>", "<Mensagem editada>", "<Это сообщение изменено>", "<ההודעה נערכה>",
            "<Dit bericht is bewerkt>");

    private static final Phrases DELETED = new Phrases(
            "this message was deleted", "you deleted this message", "this message was deleted.",
            "you deleted this message.", "du hast diese nachricht gelöscht", "diese nachricht wurde gelöscht",
            "eliminaste este mensaje", "se eliminó este mensaje", "você apagou esta mensagem",
            "esta mensagem foi apagada", "mensagem apagada", "vous avez supprimé ce message", "ce message a été supprimé",
            "вы удалили данное сообщение", "данное сообщение удалено", "このメッセージを削除しました", "삭제한 메시지입니다",
            "hai eliminato questo messaggio", "questo messaggio è stato eliminato");

    private static final Phrases OMITTED = new Phrases(
            "<media omitted>", "<medien weggelassen>", "<archivo omitido>", "<multimedia omitido>", "<mídia omitida>",
            "<arquivo de mídia oculto>", "<fichier omis>", "<médias omis>", "<media omesso>", "<media weggelaten>",
            "<файл пропущен>", "<без медиафайлов>", "<média vynechány>", "<medya atlanmış>", "<media tidak disertakan>",
            "<メディアは含まれていません>", "<省略多媒体文件>", "<忽略多媒體檔>", "<省略影音内容>", "null");

    private BodyClassifier() {
    }

    public static Body classify(String text) {
        boolean edited = false;
        for (int i = 0; i < EDITED.size() && text.endsWith(">"); i++) {
            String marker = EDITED.get(i);
            if (text.endsWith(marker)) {
                text = text.substring(0, text.length() - marker.length()).strip();
                edited = true;
                break;
            }
        }
        if (text.isEmpty()) {
            return new Body(text, null, false, edited, false, null);
        }
        char c0 = text.charAt(0);
        if (c0 == '/' && text.regionMatches(true, 0, "/egregora", 0, 9)) {
            return new Body(text, null, false, edited, false, command(text));
        }
        // lower-cased (an allocation) only when the length and first letter could match a marker phrase
        if (DELETED.mayMatch(text) && DELETED.matches(text)) {
            return new Body(text, null, false, edited, true, null);
        }
        if (OMITTED.mayMatch(text) && OMITTED.matches(text)
                || text.length() < 40 && text.regionMatches(true, text.length() - 8, " omitted", 0, 8)
                || text.length() > 60 && text.endsWith("document omitted")) {
            return new Body(text, null, true, edited, false, null);
        }
        // iOS "<attached: NAME>" (any label), possibly after a document title: "X.pdf • 3 pages <attached: NAME>"
        int lt = text.indexOf('<');
        while (lt >= 0) {
            int gt = text.indexOf('>', lt);
            if (gt < 0) {
                break;
            }
            int colon = text.indexOf(':', lt);
            if (colon > lt && colon < gt && colon - lt <= 30) {
                String name = text.substring(colon + 1, gt).strip();
                if (isFileName(name)) {
                    String rest = (text.substring(0, lt) + text.substring(gt + 1)).strip();
                    return new Body(documentTitleStripped(rest, name), name, false, edited, false, null);
                }
            }
            lt = text.indexOf('<', gt);
        }
        // Android "NAME (file attached)" on the first line, caption on the next; old iOS "NAME <attached>"
        int nl = text.indexOf('\n');
        int firstEnd = nl < 0 ? text.length() : nl;
        char last = text.charAt(Math.max(0, firstEnd - 1));
        int open = -1;
        if (firstEnd > 0 && last == ')') {
            open = text.lastIndexOf(" (", firstEnd - 2);
        } else if (firstEnd > 0 && last == '>') {
            open = text.lastIndexOf(" <", firstEnd - 2);
        }
        if (open > 0) {
            String name = text.substring(0, open).strip();
            String label = text.substring(open + 2, firstEnd - 1);
            if (isFileName(name) && !label.isBlank() && label.length() <= 40 && label.indexOf('(') < 0) {
                return new Body(nl < 0 ? "" : text.substring(nl + 1).strip(), name, false, edited, false, null);
            }
        }
        return new Body(text, null, false, edited, false, null);
    }

    private static String documentTitleStripped(String rest, String name) {
        // "Report.pdf • 14 pages" duplicates the file name; keep a caption only if it says something else
        if (rest.contains("•")) {
            return "";
        }
        return rest;
    }

    /** A plausible file name: no path, no angle brackets, a 1-5 character alphanumeric extension. */
    static boolean isFileName(String s) {
        if (s.isEmpty() || s.length() > 255 || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || s.indexOf('<') >= 0
                || s.indexOf('>') >= 0 || s.indexOf('\n') >= 0) {
            return false;
        }
        int dot = s.lastIndexOf('.');
        if (dot <= 0 || dot == s.length() - 1 || s.length() - dot - 1 > 5) {
            return false;
        }
        for (int i = dot + 1; i < s.length(); i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static Command command(String text) {
        String t = text.replace('\u201C', '"').replace('\u201D', '"').replace('\u2018', '\'').replace('\u2019', '\'');
        String rest = t.substring("/egregora".length()).strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.equals("opt-out") || lower.equals("optout") || lower.equals("opt out")) {
            return new Command(Command.OPT_OUT, null);
        }
        if (lower.equals("opt-in") || lower.equals("optin") || lower.equals("opt in")) {
            return new Command(Command.OPT_IN, null);
        }
        if (lower.startsWith("set alias ")) {
            String v = rest.substring("set alias ".length()).strip();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).strip();
            }
            if (!v.isEmpty() && v.length() <= 80) {
                return new Command(Command.SET_ALIAS, v);
            }
        }
        if (lower.equals("remove alias") || lower.equals("unset alias")) {
            return new Command(Command.REMOVE_ALIAS, null);
        }
        return new Command(Command.UNKNOWN, null);
    }
}
