package dev.egregora.core.port;

import dev.egregora.core.store.Workspace;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Reads a chat export into the workspace's {@code authors}, {@code media} and {@code messages} tables in one
 * transaction. Idempotent: ingesting the same export twice adds nothing; a later, overlapping export adds only
 * the new messages.
 */
public interface InputAdapter {

    IngestSummary ingest(Workspace workspace, Request request);

    /** Day/month order of numeric dates; {@code AUTO} decides over the whole file. */
    enum DateOrder { AUTO, DMY, MDY, YMD }

    /**
     * @param export         a ZIP or a bare .txt chat export
     * @param zone           zone of the export's wall-clock times
     * @param dateOrder      day/month order, or AUTO
     * @param maskContacts   mask phone numbers and e-mail addresses in text (default true)
     */
    record Request(Path export, ZoneId zone, DateOrder dateOrder, boolean maskContacts) {
    }

    /**
     * What one ingest did. {@code skipped} maps a reason to a count of lines or files passed over.
     */
    record IngestSummary(String chatId, long messagesRead, long messagesAdded, long authors, long mediaFiles,
                         long systemMessages, long invalidUtf8, Map<String, Long> skipped, ZoneId zone,
                         DateOrder dateOrder) {
    }
}
