package dev.egregora.etl.parse;

import java.time.LocalDateTime;

/**
 * One message as written in the export, before privacy and classification.
 *
 * @param line   1-based line of the chat file where the message starts
 * @param time   wall-clock time as written (exports carry no offset)
 * @param author display name as written, without bidi marks; null for a system message
 * @param text   the body: lines joined by {@code \n}, BOMs and bidi marks removed, outer white space trimmed
 */
public record ParsedMessage(long line, LocalDateTime time, String author, String text) {
    public boolean system() {
        return author == null;
    }
}
