package dev.egregora.etl.archive;

import dev.egregora.etl.parse.ChatParser;

import java.io.IOException;
import java.io.InputStream;

/** Decides from the first 64 KiB whether a file is a WhatsApp chat, and if not, says why in a few words. */
final class ChatSniffer {
    private static final int HEAD = 64 * 1024;

    enum Verdict {
        CHAT("a WhatsApp chat"),
        EMPTY("the chat file is empty (0 bytes)"),
        PDF("not a chat: a PDF document"),
        BINARY("not a chat: binary content"),
        NO_HEADER("not a chat: no line in the first 64 KiB starts with a WhatsApp date and time (unknown date layout?)");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private ChatSniffer() {
    }

    static Verdict sniff(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        if (head.length == 0) {
            return Verdict.EMPTY;
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return Verdict.PDF;
        }
        int zeros = 0;
        for (byte b : head) {
            if (b == 0) {
                zeros++;
            }
        }
        if (zeros > 0) {
            return Verdict.BINARY;
        }
        return ChatParser.startsLikeChat(head, head.length) ? Verdict.CHAT : Verdict.NO_HEADER;
    }
}
