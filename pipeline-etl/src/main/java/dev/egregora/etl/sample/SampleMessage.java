package dev.egregora.etl.sample;

import java.time.LocalDateTime;

/**
 * One generated message: {@code author} null for a system message; {@code attachment} the attached file's name.
 */
public record SampleMessage(LocalDateTime time, String author, String text, String attachment) {
}
