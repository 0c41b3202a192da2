package dev.egregora.cli.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource bounds, measured rather than asserted on time: {@code egregora write} in a child JVM with a fixed heap
 * ({@code -Xmx}) on hostile exports must finish (exit 0) or fail with one line, never with an OutOfMemoryError.
 * Slow (minutes), so its name keeps it out of {@code mvn verify}; run it with {@code -Dtest=ResourceBounds}; the smallest heap that passed per case is
 * written to {@code target/resource-bounds.txt} and copied into docs/reliability.md.
 */
class ResourceBounds {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy, HH:mm");
    private static final String[] HEAPS = {"64m", "128m", "256m", "512m"};

    @TempDir
    Path dir;

    @Test
    void fiftyMegabyteMessageOnManyLines() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Big.txt");
        try (BufferedWriter w = Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            LocalDateTime t = LocalDateTime.of(2024, 3, 1, 9, 0);
            w.write(DMY.format(t) + " - Ana: start of a very long message\n");
            String line = "lorem ipsum dolor sit amet consectetur ".repeat(25) + "\n"; // ~1 KB
            for (int i = 0; i < 50_000; i++) {
                w.write(line);
            }
            for (int i = 1; i <= 20; i++) {
                w.write(DMY.format(t.plusMinutes(i)) + " - Ben: reply " + i + "\n");
            }
        }
        record("50 MB message (50k lines)", chat);
    }

    @Test
    void fiftyMegabyteSingleLineIsSkippedAndCounted() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Line.txt");
        try (OutputStream out = Files.newOutputStream(chat)) {
            LocalDateTime t = LocalDateTime.of(2024, 3, 1, 9, 0);
            out.write((DMY.format(t) + " - Ana: ").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write('\n');
            for (int i = 1; i <= 20; i++) {
                out.write((DMY.format(t.plusMinutes(i)) + " - Ben: reply " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        record("50 MB single line", chat);
    }

    @Test
    void hundredThousandAuthors() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Crowd.txt");
        try (BufferedWriter w = Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            LocalDateTime t = LocalDateTime.of(2024, 3, 1, 9, 0);
            for (int i = 0; i < 100_000; i++) {
                w.write(DMY.format(t.plusSeconds(i * 30L)) + " - Person " + i + ": hello from member " + i + "\n");
            }
        }
        record("100k authors (100k messages)", chat);
    }

    /** Runs write with growing heaps until one passes; appends "case | heap | exit | last line" to the report. */
    private void record(String name, Path export) throws Exception {
        List<String> tried = new ArrayList<>();
        String passed = null;
        for (String heap : HEAPS) {
            Path site = dir.resolve("site-" + heap);
            Path log = dir.resolve("log-" + heap + ".txt");
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "dev.egregora.cli.Main", "write",
                    export.toString(), "--output", site.toString(), "--timezone", "UTC", "--threads", "1");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
            long secs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            String last = out.strip().isEmpty() ? "" : out.strip().lines().reduce((a, b) -> b).orElse("");
            tried.add(heap + ": exit " + p.exitValue() + " in " + secs + " s, " + last);
            assertThat(out).as(name + " at " + heap).doesNotContain("\tat ");
            if (p.exitValue() == 0) {
                passed = heap;
                break;
            }
        }
        Path report = Path.of("target", "resource-bounds.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, name + " | smallest passing -Xmx: " + passed + " | " + String.join(" ; ", tried)
                + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(passed).as(name + ": " + tried).isNotNull();
    }
}
