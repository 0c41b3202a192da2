package dev.egregora.etl;

import dev.egregora.core.model.Ids;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.IngestSummary;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.privacy.Pseudonyms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.egregora.etl.WhatsAppInputAdapterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Pseudonyms are unique in a chat (and the site), stable across re-ingests and later exports. */
class PseudonymUniquenessTest {
    private static final String CHAT = "WhatsApp Chat with Big Group.txt";

    @TempDir
    Path tmp;

    private final WhatsAppInputAdapter adapter = new WhatsAppInputAdapter();

    /** One message per author {@code from..to-1} (in that order), a minute apart. */
    private static String chat(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            int minute = i % (24 * 60);
            sb.append(String.format("%02d/02/2024, %02d:%02d - Member %05d: hello %d%n",
                    1 + i / (24 * 60), minute / 60, minute % 60, i, i));
        }
        return sb.toString();
    }

    private Path export(String dir, String text) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        return Files.writeString(d.resolve(CHAT), text);
    }

    private static Map<String, String> pseudonyms(Workspace ws) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        for (String row : rows(ws, "SELECT real_name, pseudonym FROM authors")) {
            int bar = row.indexOf(" | ");
            out.put(row.substring(0, bar), row.substring(bar + 3));
        }
        return out;
    }

    @Test
    void tenThousandAuthorsAreUniqueDeterministicAndStable() throws Exception {
        Path all = export("all", chat(0, 10_000));
        Map<String, String> first;
        try (Workspace ws = Workspace.open(tmp.resolve("site1"), CoreSchema.migrations())) {
            IngestSummary s = adapter.ingest(ws, new Request(all, ZoneOffset.UTC, DateOrder.DMY, true));
            assertThat(s.authors()).isEqualTo(10_000);
            assertThat(rows(ws, "SELECT count(*), count(DISTINCT pseudonym) FROM authors"))
                    .containsExactly("10000 | 10000");
            first = pseudonyms(ws);
            // collisions did happen and were resolved with a suffix; the first holder of a base keeps it bare
            assertThat(first.values()).filteredOn(p -> p.matches(".* \\d+")).hasSizeGreaterThanOrEqualTo(10_000 - 4096);
            Map<String, String> firstHolder = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                String name = String.format("Member %05d", i);
                String base = Pseudonyms.of(Ids.authorId(name));
                if (firstHolder.putIfAbsent(base, name) == null) {
                    assertThat(first.get(name)).isEqualTo(base);
                } else {
                    assertThat(first.get(name)).startsWith(base + " ");
                }
            }
            // re-ingesting the same export changes nothing
            adapter.ingest(ws, new Request(all, ZoneOffset.UTC, DateOrder.DMY, true));
            assertThat(pseudonyms(ws)).isEqualTo(first);
        }
        // the same export into a fresh site gives the same pseudonyms
        try (Workspace ws = Workspace.open(tmp.resolve("site2"), CoreSchema.migrations())) {
            adapter.ingest(ws, new Request(all, ZoneOffset.UTC, DateOrder.DMY, true));
            assertThat(pseudonyms(ws)).isEqualTo(first);
        }
    }

    @Test
    void aLaterExportAddingAuthorsNeverChangesAnExistingPseudonym() throws Exception {
        Path older = export("older", chat(5_000, 10_000));
        Path newer = export("newer", chat(0, 10_000)); // the new authors appear *before* the known ones
        try (Workspace ws = Workspace.open(tmp.resolve("site"), CoreSchema.migrations())) {
            adapter.ingest(ws, new Request(older, ZoneOffset.UTC, DateOrder.DMY, true));
            Map<String, String> before = pseudonyms(ws);
            assertThat(before).hasSize(5_000);
            adapter.ingest(ws, new Request(newer, ZoneOffset.UTC, DateOrder.DMY, true));
            Map<String, String> after = pseudonyms(ws);
            assertThat(after).hasSize(10_000).containsAllEntriesOf(before);
            assertThat(rows(ws, "SELECT count(DISTINCT pseudonym) FROM authors")).containsExactly("10000");
        }
    }

    @Test
    void aMentionUsesTheMentionedAuthorsResolvedPseudonym() throws Exception {
        // two people whose base pseudonyms collide; the second is mentioned before writing
        Map<String, String> seen = new HashMap<>();
        String a = null;
        String b = null;
        for (int i = 0; b == null; i++) {
            String name = "Person " + i;
            String prev = seen.putIfAbsent(Pseudonyms.of(Ids.authorId(name)), name);
            if (prev != null) {
                a = prev;
                b = name;
            }
        }
        String base = Pseudonyms.of(Ids.authorId(a));
        Path chat = export("mention", "01/02/2024, 10:00 - " + a + ": hi @\u2068" + b + "\u2069\n"
                + "01/02/2024, 10:01 - " + b + ": hi @\u2068" + a + "\u2069\n");
        for (boolean mask : List.of(true, false)) {
            try (Workspace ws = Workspace.open(tmp.resolve("site-" + mask), CoreSchema.migrations())) {
                adapter.ingest(ws, new Request(chat, ZoneOffset.UTC, DateOrder.DMY, mask));
                assertThat(pseudonyms(ws)).containsEntry(a, base).containsEntry(b, base + " 2");
                assertThat(rows(ws, "SELECT text FROM messages ORDER BY seq"))
                        .containsExactly("hi @" + base + " 2", "hi @" + base);
            }
        }
    }
}
