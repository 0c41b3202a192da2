package dev.egregora.etl;

import dev.egregora.core.model.Ids;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.IngestSummary;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppInputAdapterTest {
    private static final Path DEMO = Corpus.whatsapp("egregora/whatsapp-demo-pt-br.zip");

    @TempDir
    Path site;

    private final WhatsAppInputAdapter adapter = new WhatsAppInputAdapter();

    static List<String> rows(Workspace ws, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        sb.append(" | ");
                    }
                    sb.append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void demoExportMatchesThePinnedTenMessages() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(DEMO, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.dateOrder()).isEqualTo(DateOrder.DMY);
            assertThat(s.messagesAdded()).isEqualTo(s.messagesRead()).isEqualTo(17);
            assertThat(s.systemMessages()).isEqualTo(7);
            assertThat(s.authors()).isEqualTo(2);
            assertThat(s.mediaFiles()).isEqualTo(4);
            assertThat(s.skipped()).containsEntry("empty message", 2L);
            // the 10 user messages of egregora-pipeline.md §9 (system notices are separate rows here, not glued)
            assertThat(rows(ws, "SELECT strftime(m.ts, '%Y-%m-%d %H:%M'), a.real_name, coalesce(m.media_name, m.text) "
                    + "FROM messages m JOIN authors a ON a.id = m.author_id WHERE kind = 'user' ORDER BY ts, seq"))
                    .containsExactly(
                            "2025-10-28 14:10 | Franklin | IMG-20251028-WA0035.jpg",
                            "2025-10-28 14:10 | Franklin | IMG-20251027-WA0023.jpg",
                            "2025-10-28 14:10 | Franklin | IMG-20251028-WA0033.jpg",
                            "2025-10-28 14:10 | Franklin | IMG-20251028-WA0034.jpg",
                            "2025-10-28 14:11 | Franklin | @meta",
                            "2025-10-28 14:11 | Franklin | \uD83C\uDFB6",
                            "2025-10-28 14:11 | Franklin | What?",
                            "2025-10-28 14:12 | Franklin | This is a test, write about anything you want",
                            "2025-10-28 14:15 | Franklin | @" + dev.egregora.etl.privacy.Pseudonyms.of(Ids.authorId("Eurico Max"))
                                    + " teste de menção",
                            "2025-10-28 14:15 | Eurico Max | Olá! Obrigado por escrever pra Eurico Max  \uD83D\uDE03\n"
                                    + "Um dos nossos atendentes vai te responder daqui a pouco.\n"
                                    + "Em função da alta demanda de atendimento, isso pode levar um tempinho.\n"
                                    + "Mas não se preocupe - você já está na fila e em breve vai receber nosso retorno.\n"
                                    + "Horário de atendimento \nSegunda a Sexta  - 10h às 19h.\nSábado- 10h às 18:00h.");
            assertThat(rows(ws, "SELECT text FROM messages WHERE kind = 'system' AND ts > '2025-10-28' ORDER BY ts"))
                    .containsExactly("Você adicionou Eurico Max", "Você removeu Eurico Max");
            assertThat(rows(ws, "SELECT id, pseudonym, real_name FROM authors ORDER BY real_name")).containsExactly(
                    Ids.authorId("Eurico Max") + " | " + dev.egregora.etl.privacy.Pseudonyms.of(Ids.authorId("Eurico Max")) + " | Eurico Max",
                    Ids.authorId("Franklin") + " | " + dev.egregora.etl.privacy.Pseudonyms.of(Ids.authorId("Franklin")) + " | Franklin");
            // text_bytes is the UTF-8 length; ids are 32 hex and unique
            assertThat(rows(ws, "SELECT count(*) FROM messages WHERE text_bytes <> octet_length(encode(text))"))
                    .containsExactly("0");
            assertThat(rows(ws, "SELECT count(DISTINCT id), min(length(id)), max(length(id)) FROM messages"))
                    .containsExactly("17 | 32 | 32");
            // media: content-addressed, EXIF gone, every attachment resolved
            List<String> media = rows(ws, "SELECT rel_path, kind, mime FROM media ORDER BY rel_path");
            assertThat(media).hasSize(4).allSatisfy(m -> assertThat(m).matches("media/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg \\| image \\| image/jpeg"));
            for (String m : media) {
                Path f = site.resolve(m.substring(0, m.indexOf(' ')));
                byte[] bytes = Files.readAllBytes(f);
                assertThat(Ids.sha256Hex(bytes)).isEqualTo(f.getFileName().toString().replace(".jpg", ""));
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\u0000\u0000");
            }
            assertThat(rows(ws, "SELECT count(*) FROM messages WHERE media_name IS NOT NULL AND media_id IS NULL"))
                    .containsExactly("0");
            try (Stream<Path> files = Files.walk(site.resolve("media"))) {
                assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(4);
            }
        }
    }

    @Test
    void reingestingAddsNothingAndTheZoneShiftsInstants() throws Exception {
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            ZoneId sp = ZoneId.of("America/Sao_Paulo");
            IngestSummary first = adapter.ingest(ws, new Request(DEMO, sp, DateOrder.AUTO, true));
            IngestSummary again = adapter.ingest(ws, new Request(DEMO, sp, DateOrder.AUTO, true));
            assertThat(first.messagesAdded()).isEqualTo(17);
            assertThat(again.messagesRead()).isEqualTo(17);
            assertThat(again.messagesAdded()).isZero();
            assertThat(rows(ws, "SELECT strftime(min(ts), '%H:%M') FROM messages WHERE kind = 'user'"))
                    .containsExactly("17:10");
            assertThat(rows(ws, "SELECT count(*) FROM messages")).containsExactly("17");
        }
    }

    @Test
    void laterOverlappingExportAddsOnlyNewMessagesAndCommandsApply() throws Exception {
        String older = "01/02/2024, 10:00 - Ana: oi\n01/02/2024, 10:01 - Bruno: olá, me liga +55 11 98765-4321\n"
                + "13/02/2024, 10:02 - Ana: mail ana@example.com\n";
        String newer = older + "13/02/2024, 10:02 - Ana: mail ana@example.com\n"
                + "14/02/2024, 09:00 - Bruno: /egregora set alias \"O Bruno\"\n14/02/2024, 09:01 - Ana: /egregora opt-out\n";
        Path a = site.resolveSibling(site.getFileName() + "-a.txt");
        Path b = site.resolveSibling(site.getFileName() + "-b.txt");
        Files.writeString(a, older);
        Files.writeString(b, newer);
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            adapter.ingest(ws, new Request(a, ZoneOffset.UTC, DateOrder.AUTO, true));
            // same chat name: both files are renamed copies of one chat, so ingest b under a's name
            Path b2 = Files.move(b, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            IngestSummary s = adapter.ingest(ws, new Request(b2, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.messagesRead()).isEqualTo(6);
            assertThat(s.messagesAdded()).isEqualTo(3); // the repeated mail (2nd occurrence) and the two commands
            assertThat(rows(ws, "SELECT text FROM messages WHERE kind = 'user' ORDER BY ts, seq")).containsExactly(
                    "oi", "olá, me liga [phone]", "mail [email]", "mail [email]");
            assertThat(rows(ws, "SELECT real_name, alias, opted_out FROM authors ORDER BY real_name"))
                    .containsExactly("Ana | null | true", "Bruno | O Bruno | false");
            assertThat(rows(ws, "SELECT count(*) FROM messages WHERE kind = 'command'")).containsExactly("2");
        }
    }

    @Test
    void anIdenticalMessageAfterTheTimesWentBackIsStoredOnce() throws Exception {
        // ids are unique: a repeat at the same time outside its run (the clock went back) gets the first one's id
        Path chat = site.resolveSibling(site.getFileName() + "-back.txt");
        Files.writeString(chat, "01/02/2024, 10:00 - Ana: oi\n01/02/2024, 10:00 - Ana: oi\n"
                + "01/02/2024, 09:00 - Bruno: the phone clock was wrong\n01/02/2024, 10:00 - Ana: oi\n"
                + "01/02/2024, 10:05 - Ana: bye\n");
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(chat, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.messagesRead()).isEqualTo(5);
            assertThat(s.messagesAdded()).isEqualTo(4);
            assertThat(rows(ws, "SELECT count(*), count(DISTINCT id) FROM messages")).containsExactly("4 | 4");
            assertThat(rows(ws, "SELECT text FROM messages ORDER BY seq")).containsExactly(
                    "oi", "oi", "the phone clock was wrong", "bye");
        }
    }

    @Test
    void commandsOfOneExportApplyInMessageOrder() throws Exception {
        Path chat = site.resolveSibling(site.getFileName() + "-cmd.txt");
        Files.writeString(chat, String.join("\n",
                "01/02/2024, 10:00 - Ana: /egregora set alias \"A1\"",
                "01/02/2024, 10:01 - Ana: /egregora opt-out",
                "01/02/2024, 10:02 - Bruno: /egregora set alias \"B\"",
                "01/02/2024, 10:03 - Ana: /egregora set alias \"A2\"",
                "01/02/2024, 10:04 - Ana: /egregora opt-in",
                "01/02/2024, 10:05 - Bruno: /egregora remove alias",
                "01/02/2024, 10:06 - Carla: /egregora opt-out",
                "01/02/2024, 10:07 - Dora: hello", ""));
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            adapter.ingest(ws, new Request(chat, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(rows(ws, "SELECT real_name, alias, opted_out FROM authors ORDER BY real_name")).containsExactly(
                    "Ana | A2 | false", "Bruno | null | false", "Carla | null | true", "Dora | null | false");
            assertThat(rows(ws, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'etl_%'"))
                    .containsExactly("0");
        }
    }
}
