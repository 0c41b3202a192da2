package dev.egregora.etl.parse;

import java.util.Map;

/**
 * What one parse saw.
 *
 * @param lines          lines read
 * @param messages       messages emitted (user and system)
 * @param systemMessages of which system messages (no author)
 * @param invalidUtf8    malformed UTF-8 sequences replaced by U+FFFD
 * @param skipped        lines passed over, by reason (see {@link ChatParser} for the reasons)
 */
public record ParseStats(long lines, long messages, long systemMessages, long invalidUtf8, Map<String, Long> skipped) {
}
