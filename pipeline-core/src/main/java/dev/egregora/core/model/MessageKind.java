package dev.egregora.core.model;

import java.util.Locale;

/** What a chat line is. Stored lower-case in {@code messages.kind}. */
public enum MessageKind {
    /** Written by a person. */
    USER,
    /** Written by the app: encryption notice, joins, leaves, group changes. Never glued onto another message. */
    SYSTEM,
    /** An in-chat command to egregora ({@code /egregora opt-out}, ...). Never published. */
    COMMAND;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
