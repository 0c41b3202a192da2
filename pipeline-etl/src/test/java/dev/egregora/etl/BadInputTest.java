package dev.egregora.etl;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.IngestSummary;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.archive.ArchiveLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.egregora.etl.WhatsAppInputAdapterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad input gives a one-line error naming the file (or a counted skip), and changes nothing. */
class BadInputTest {
    private static final String CHAT = "31/01/2024, 10:00 - Ana: oi\n31/01/2024, 10:01 - Bruno: olá\n";

    @TempDir
    Path dir;

    private final WhatsAppInputAdapter adapter = new WhatsAppInputAdapter();

    private Path zip(String name, Object... entries) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) entries[i]));
                Object v = entries[i + 1];
                z.write(v instanceof byte[] b ? b : ((String) v).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return p;
    }

    private String failure(Path export) {
        return failure(export, adapter);
    }

    private String failure(Path export, WhatsAppInputAdapter adapter) {
        Path site = dir.resolve("site");
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            List<String> before = rows(ws, "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM authors), "
                    + "(SELECT count(*) FROM media)");
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                    () -> adapter.ingest(ws, new Request(export, ZoneOffset.UTC, DateOrder.AUTO, true)));
            assertThat(t).isInstanceOf(EgregoraException.class);
            assertThat(t.getMessage()).doesNotContain("\n").contains(export.getFileName().toString());
            assertThat(rows(ws, "SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM authors), "
                    + "(SELECT count(*) FROM media)")).isEqualTo(before);
            return t.getMessage();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void notAZip() throws IOException {
        Path p = dir.resolve("chat.zip");
        Files.writeString(p, "hello, I am not a zip");
        assertThat(failure(p)).contains("not a ZIP file");
    }

    @Test
    void truncatedZip() throws IOException {
        Path full = zip("full.zip", "_chat.txt", CHAT.repeat(200));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(failure(cut)).contains("not a valid ZIP");
    }

    @Test
    void zipWithoutChat() throws IOException {
        assertThat(failure(zip("photos.zip", "IMG-1.jpg", new byte[]{1, 2, 3}, "notes.txt", "just some notes\n")))
                .contains("no WhatsApp chat file found").contains("notes.txt");
    }

    @Test
    void zipWithSeveralChats() throws IOException {
        assertThat(failure(zip("two.zip", "a.txt", CHAT, "b.txt", CHAT))).contains("several chat files");
    }

    @Test
    void zipSlip() throws IOException {
        assertThat(failure(zip("slip.zip", "_chat.txt", CHAT, "../../evil.jpg", "x"))).contains("unsafe entry name");
    }

    @Test
    void zipBombRatio() throws IOException {
        assertThat(failure(zip("bomb.zip", "_chat.txt", CHAT, "zeros.bin", new byte[8 << 20]))).contains("ratio");
    }

    @Test
    void zipBombTotalAndEntryCaps() throws IOException {
        Path p = zip("big.zip", "_chat.txt", CHAT, "a.bin", new byte[5000]);
        WhatsAppInputAdapter small = new WhatsAppInputAdapter(EtlOptions.DEFAULTS.withLimits(
                new ArchiveLimits(10, 4096, 1 << 20, 100)));
        try (Workspace ws = Workspace.open(dir.resolve("site"), CoreSchema.migrations())) {
            assertThatThrownBy(() -> small.ingest(ws, new Request(p, ZoneOffset.UTC, DateOrder.AUTO, true)))
                    .isInstanceOf(EgregoraException.class).hasMessageContaining("over the limit");
        }
    }

    @Test
    void emptyChat() throws IOException {
        Path p = dir.resolve("WhatsApp Chat with Nobody.txt");
        Files.write(p, new byte[0]);
        assertThat(failure(p)).contains("empty");
        assertThat(failure(zip("empty.zip", "_chat.txt", ""))).contains("empty");
    }

    @Test
    void pdfRenamedToTxt() throws IOException {
        Path p = dir.resolve("chat.txt");
        Files.write(p, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(failure(p)).contains("PDF");
    }

    @Test
    void unknownDateLayout() throws IOException {
        Path p = dir.resolve("chat.txt");
        Files.writeString(p, "Wednesday 28/08/2013 19:23 - Tanay: hi\nWednesday 28/08/2013 19:24 - Bob: yo\n");
        assertThat(failure(p)).contains("unknown date layout");
    }

    @Test
    void lineLongerThanOneMebibyteIsACountedSkip() throws IOException {
        Path p = dir.resolve("long.txt");
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write("31/01/2024, 10:00 - Ana: before\n".getBytes(StandardCharsets.UTF_8));
            byte[] huge = new byte[(1 << 20) + 10];
            Arrays.fill(huge, (byte) 'x');
            out.write(huge);
            out.write("\n31/01/2024, 10:01 - Bruno: after\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Workspace ws = Workspace.open(dir.resolve("site"), CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(p, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.messagesAdded()).isEqualTo(2);
            assertThat(s.skipped()).containsEntry("line longer than the limit", 1L);
            assertThat(rows(ws, "SELECT text FROM messages ORDER BY seq")).containsExactly("before", "after");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void invalidUtf8IsReplacedAndCounted() throws IOException {
        Path p = dir.resolve("bad-utf8.txt");
        byte[] a = "31/01/2024, 10:00 - Ana: caf".getBytes(StandardCharsets.UTF_8);
        byte[] b = "\n31/01/2024, 10:01 - Bruno: ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 2 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) 0xE9; // Latin-1 é: invalid UTF-8
        all[a.length + 1] = (byte) 0xFF;
        System.arraycopy(b, 0, all, a.length + 2, b.length);
        Files.write(p, all);
        try (Workspace ws = Workspace.open(dir.resolve("site"), CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(p, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.invalidUtf8()).isEqualTo(2);
            assertThat(rows(ws, "SELECT text FROM messages ORDER BY seq")).containsExactly("caf\uFFFD\uFFFD", "ok");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void failureMidIngestLeavesTheDatabaseUnchanged() throws Exception {
        // a media entry whose deflated bytes are damaged: the error surfaces while messages stream in
        Path p = zipWithDamagedMedia("corrupt-media.zip", CHAT + "31/01/2024, 10:02 - Ana: IMG-1.jpg (file attached)\n");
        Path site = dir.resolve("site");
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            Path good = dir.resolve("good.txt");
            Files.writeString(good, "01/02/2024, 09:00 - Carla: first\n");
            adapter.ingest(ws, new Request(good, ZoneOffset.UTC, DateOrder.AUTO, true));
        }
        String msg = failure(p);
        assertThat(msg).contains("IMG-1.jpg");
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            assertThat(rows(ws, "SELECT text FROM messages")).containsExactly("first");
        }
    }

    @Test
    void failureAfterSeveralChunksWereLoadedLeavesTheDatabaseUnchanged() throws Exception {
        // 3000 messages loaded in chunks of 100 by the loader thread; a damaged attachment in the middle fails it
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            chat.append(String.format("31/01/2024, %02d:%02d - Ana: message %d%n", i / 60 % 24, i % 60, i));
            if (i == 1500) {
                chat.append("31/01/2024, 10:02 - Bruno: IMG-1.jpg (file attached)\n");
            }
        }
        Path p = zipWithDamagedMedia("corrupt-media-late.zip", chat.toString());
        String msg = failure(p, new WhatsAppInputAdapter(EtlOptions.DEFAULTS.withChunkRows(100)));
        assertThat(msg).contains("IMG-1.jpg");
        try (Stream<Path> left = Files.list(dir.resolve("site").resolve(".egregora"))) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".csv"));
        }
    }

    /** A ZIP of {@code chat} and an attachment IMG-1.jpg whose stored (deflated) bytes are damaged. */
    private Path zipWithDamagedMedia(String name, String chat) throws IOException {
        Path p = dir.resolve(name);
        byte[] jpeg = new byte[4096];
        new java.util.Random(1).nextBytes(jpeg);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("_chat.txt"));
            z.write(chat.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("IMG-1.jpg"));
            z.write(jpeg);
            z.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(p);
        // the first "IMG-1.jpg" is the media entry's local header (the chat text is deflated); its data follows
        int at = indexOf(bytes, "IMG-1.jpg".getBytes(StandardCharsets.US_ASCII), 0) + 9;
        Arrays.fill(bytes, at, at + 40, (byte) 0xFF);
        Files.write(p, bytes);
        return p;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
