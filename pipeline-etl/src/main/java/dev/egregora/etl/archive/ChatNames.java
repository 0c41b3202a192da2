package dev.egregora.etl.archive;

import java.util.List;
import java.util.Locale;

/** The chat's name from the chat file name (localized Android names) or the export's file name (iOS). */
final class ChatNames {
    private static final List<String> PREFIXES = List.of(
            "whatsapp chat with ", "whatsapp chat - ", "whatsapp-chat mit ", "whatsapp chat mit ",
            "conversa do whatsapp com ", "chat de whatsapp con ", "chat whatsapp con ", "discussion whatsapp avec ",
            "whatsapp-chat met ", "whatsapp chat met ", "chat whatsapp s uživatelem ", "чат whatsapp с контактом ",
            "chat whatsapp com ", "whatsapp ");

    private ChatNames() {
    }

    static String of(String chatFileName, String exportFileName) {
        String stem = stem(chatFileName);
        if (stem.equals("_chat") || stem.isBlank()) {
            stem = stem(exportFileName);
        }
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String p : PREFIXES) {
            if (lower.startsWith(p) && stem.length() > p.length()) {
                return stem.substring(p.length()).strip();
            }
        }
        return stem.strip();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
