package dev.egregora.etl.classify;

/**
 * A message body after classification.
 *
 * @param text       the text without attachment markers and without the edited marker
 * @param attachment the attached file's name as written in the chat, or null
 * @param omitted    media was not exported ({@code <Media omitted>}, {@code image omitted}, ...)
 * @param edited     the body carried an "edited" marker
 * @param deleted    the message was deleted ("This message was deleted", ...)
 * @param command    an in-chat {@code /egregora} command, or null
 */
public record Body(String text, String attachment, boolean omitted, boolean edited, boolean deleted, Command command) {
}
