package dev.egregora.cli.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource bounds, measured rather than asserted on time: {@code egregora write} runs in a child JVM with the heap
 * the docs promise ({@code -Xmx}) on a generated hostile export, and must finish with exit 0, no stack trace and a
 * progress line per stage. Wall time, CPU time and peak RSS ({@code /usr/bin/time}) are appended to
 * {@code target/resource-bounds.txt} and copied into docs/reliability.md; cases that claim linear time run at half
 * and full size. Inputs are generated streaming into a temp dir and deleted afterwards.
 * Heavy (minutes each), so its name keeps it out of {@code mvn verify}: run {@code -Dtest=ResourceBounds} or one
 * case, e.g. {@code -Dtest='ResourceBounds#tenThousandTags'}.
 */
class ResourceBounds {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy, HH:mm");
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 1, 9, 0);

    @TempDir
    Path dir;

    @Test
    void fiftyMegabyteMessageOnManyLines() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Big.txt");
        try (Writer w = text(chat)) {
            w.write(DMY.format(START) + " - Ana: start of a very long message\n");
            String line = "lorem ipsum dolor sit amet consectetur ".repeat(25) + "\n"; // ~1 KB
            for (int i = 0; i < 50_000; i++) {
                w.write(line);
            }
            replies(w, 20);
        }
        measure("50 MB message (50k lines)", chat, "256m");
    }

    @Test
    void fiftyMegabyteSingleLineIsSkippedAndCounted() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Line.txt");
        try (Writer w = text(chat)) {
            w.write(DMY.format(START) + " - Ana: ");
            String chunk = "x".repeat(1 << 20);
            for (int i = 0; i < 50; i++) {
                w.write(chunk);
            }
            w.write('\n');
            replies(w, 20);
        }
        String out = measure("50 MB single line", chat, "128m");
        assertThat(out).contains("line longer than the limit");
    }

    @Test
    void hundredThousandAuthors() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Crowd.txt");
        try (Writer w = text(chat)) {
            for (int i = 0; i < 100_000; i++) {
                w.write(DMY.format(START.plusSeconds(i * 30L)) + " - Person " + i + ": hello from member " + i + "\n");
            }
        }
        // the build keeps about 2 KB per author (finding F7): 256m for a build alone, 320m for the whole write
        measure("100k authors (100k messages)", chat, "320m");
    }

    /**
     * A ZIP at the entry cap (200,000: years of a busy group's media), 20,000 messages each attaching one of them:
     * the media index costs about 200 bytes per entry, so this stays in the default 256 MB.
     */
    @Test
    void twoHundredThousandZipEntries() throws Exception {
        Path zip = dir.resolve("export-entries.zip");
        int entries = 200_000 - 1;
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            z.setLevel(Deflater.NO_COMPRESSION);
            z.putNextEntry(new ZipEntry("WhatsApp Chat with Family.txt"));
            Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8);
            for (int i = 0; i < 20_000; i++) {
                w.write(DMY.format(START.plusMinutes(i * 10L)) + " - Person " + i % 12 + ": " + photo(i * 10)
                        + " (file attached)\n");
            }
            w.flush();
            z.closeEntry();
            for (int i = 0; i < entries; i++) {
                z.putNextEntry(new ZipEntry(photo(i)));
                z.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) i, (byte) (i >> 8), (byte) (i >> 16)});
                z.closeEntry();
            }
        }
        measure("200k ZIP entries (20k messages attaching 20k of them)", zip, "256m");
    }

    private static String photo(int n) {
        return String.format("IMG-%08d-WA%04d.jpg", 20150101 + n / 10_000, n % 10_000);
    }

    /**
     * One attachment per message, none of them in the export: a million rows of missing media. The heap grows with
     * the messages of a chat (finding F11, about 1 KB each), so this one is stated at 1 GB.
     */
    @Test
    void millionMediaReferences() throws Exception {
        for (int n : new int[] {500_000, 1_000_000}) {
            Path chat = dir.resolve("WhatsApp Chat with Photos " + n + ".txt");
            try (Writer w = text(chat)) {
                for (int i = 0; i < n; i++) {
                    LocalDateTime t = START.plusSeconds(i * 20L);
                    w.write(DMY.format(t) + " - Person " + i % 7 + ": IMG-" + t.toLocalDate().toString().replace("-", "")
                            + "-WA" + i + ".jpg (file attached)\n");
                }
            }
            measure(n / 1000 + "k media references (" + n / 1000 + "k messages, files absent)", chat, "1g");
        }
    }

    /** 2,000 windows of 20 messages, each window about five words no other window uses: 10,000 distinct tags. */
    @Test
    void tenThousandTags() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Topics.txt");
        try (Writer w = text(chat)) {
            int m = 0;
            for (int window = 0; window < 2_000; window++) {
                String topic = " topic" + window + "alpha topic" + window + "beta topic" + window + "gamma topic"
                        + window + "delta topic" + window + "omega";
                for (int i = 0; i < 20; i++, m++) {
                    w.write(DMY.format(START.plusMinutes(m)) + " - Person " + i % 5 + ": we talked about" + topic
                            + " again\n");
                }
            }
        }
        measure("10k tags (2,000 windows x 5 own keywords, 40k messages)", chat, "256m",
                "--unit", "messages", "--size", "20");
    }

    /** A ZIP of 1 GiB, then 2 GiB: a year of chat plus 10 MiB videos it attaches (what makes real exports big). */
    @Test
    void twoGigabyteExport() throws Exception {
        for (int gib : new int[] {1, 2}) {
            Path zip = dir.resolve("export-" + gib + "g.zip");
            int videos = gib * 100;
            writeBigZip(zip, 50_000, videos, 10 << 20);
            measure(gib + " GiB export (" + videos + " videos of 10 MiB, 50k messages)", zip, "256m");
            Files.delete(zip);
        }
    }

    private static void writeBigZip(Path zip, int messages, int videos, int videoBytes) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            z.setLevel(Deflater.NO_COMPRESSION);
            z.putNextEntry(new ZipEntry("WhatsApp Chat with Film Club.txt"));
            Writer w = new OutputStreamWriter(z, StandardCharsets.UTF_8);
            int every = messages / videos;
            for (int i = 0; i < messages; i++) {
                LocalDateTime t = START.plusMinutes(i * 10L);
                String body = i % every == 0 ? video(i / every) + " (file attached)"
                        : "message " + i + " about the film we watched and the next one to see";
                w.write(DMY.format(t) + " - Person " + i % 9 + ": " + body + "\n");
            }
            w.flush();
            z.closeEntry();
            SplittableRandom r = new SplittableRandom(7);
            byte[] block = new byte[1 << 20];
            for (int v = 0; v < videos; v++) {
                z.putNextEntry(new ZipEntry(video(v)));
                for (int written = 0; written < videoBytes; written += block.length) {
                    for (int i = 0; i < block.length; i += 8) {
                        long x = r.nextLong();
                        for (int b = 0; b < 8; b++) {
                            block[i + b] = (byte) (x >>> (8 * b));
                        }
                    }
                    z.write(block);
                }
                z.closeEntry();
            }
        }
    }

    private static String video(int n) {
        return String.format("VID-20240301-WA%04d.mp4", n);
    }

    private static Writer text(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private static void replies(Writer w, int n) throws IOException {
        for (int i = 1; i <= n; i++) {
            w.write(DMY.format(START.plusMinutes(i)) + " - Ben: reply " + i + "\n");
        }
    }

    /**
     * Runs {@code write} once with {@code -Xmx<heap>} under {@code /usr/bin/time}, appends
     * "case | heap | exit | wall | user+sys CPU | peak RSS | input size" to the report, deletes the site and returns
     * the output.
     */
    private String measure(String name, Path export, String heap, String... extra) throws Exception {
        Path site = dir.resolve("site");
        Path log = dir.resolve("log.txt");
        Path times = dir.resolve("time.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), "dev.egregora.cli.Main", "write", export.toString(),
                "--output", site.toString(), "--timezone", "UTC", "--threads", "1", "--timings"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String[] t = Files.readString(times, StandardCharsets.UTF_8).strip().lines()
                .reduce((a, b) -> b).orElse("").split(" ");
        long progress = out.lines().filter(l -> l.startsWith("egregora: ") && l.contains(" done ")).count();
        String line = String.format("%s | -Xmx%s | exit %d | wall %s s | CPU %.1f s | peak RSS %d MB | input %d MB"
                        + " | %d progress lines | %s%n", name, heap, p.exitValue(), t[0],
                Double.parseDouble(t[1]) + Double.parseDouble(t[2]), Long.parseLong(t[3]) / 1024,
                Files.size(export) >> 20, progress, lastLine(out));
        Path report = Path.of("target", "resource-bounds.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Files.writeString(Path.of("target", "resource-bounds-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".log"), out,
                StandardCharsets.UTF_8);
        delete(site);
        assertThat(out).as(name).doesNotContain("\tat ");
        assertThat(p.exitValue()).as(name + ": " + lastLine(out)).isZero();
        assertThat(progress).as(name + ": a progress line per stage").isGreaterThanOrEqualTo(3);
        return out;
    }

    private static String lastLine(String out) {
        return out.strip().lines().filter(l -> l.startsWith("egregora: ")).reduce((a, b) -> b).orElse("");
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
