package dev.egregora.etl;

import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import dev.egregora.etl.store.LoadPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static dev.egregora.etl.WhatsAppInputAdapterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appender and the CSV load path store exactly the same rows (quotes, newlines, emoji, NULLs, empty text), and the
 * same {@code id_hash} as the core-v4 migration fills in.
 */
class LoadPathTest {
    @TempDir
    Path dir;

    @Test
    void bothLoadPathsStoreTheSameRows() throws Exception {
        Path zip = dir.resolve("s.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            SampleExport.writeZip(out, SampleExport.Options.defaults().withMessages(4000).withMediaPerMille(10)
                    .withLayout(Layout.ANDROID_PT_BR));
        }
        Path extra = dir.resolve("WhatsApp Chat with Quotes.txt");
        Files.writeString(extra, "13/01/2024, 10:00 - Ana: she said \"hi, there\"\nsecond, line\n"
                + "13/01/2024, 10:01 - Bruno: IMG-1.jpg (file attached)\n13/01/2024, 10:02 - Ana: ''\n");
        List<String> a = load(EtlOptions.DEFAULTS.withLoadPath(LoadPath.APPENDER), zip, extra);
        List<String> c = load(EtlOptions.DEFAULTS.withLoadPath(LoadPath.CSV), zip, extra);
        // chunks of 97 rows: the loader thread loads 42 chunk files while the parse goes on
        List<String> chunked = load(EtlOptions.DEFAULTS.withLoadPath(LoadPath.CSV).withChunkRows(97), zip, extra);
        assertThat(a).hasSize(4000 + 3);
        assertThat(c).isEqualTo(a);
        assertThat(chunked).isEqualTo(a);
    }

    private List<String> load(EtlOptions options, Path... exports) throws Exception {
        Path site = Files.createTempDirectory(dir, options.loadPath().name());
        WhatsAppInputAdapter adapter = new WhatsAppInputAdapter(options);
        try (Workspace ws = Workspace.open(site, CoreSchema.migrations())) {
            for (Path e : exports) {
                adapter.ingest(ws, new Request(e, ZoneId.of("Europe/Berlin"), DateOrder.AUTO, true));
            }
            // id_hash (core-v4) is what the migration computes for rows ingested before it existed
            assertThat(rows(ws, "SELECT count(*) FROM messages WHERE id_hash IS DISTINCT FROM "
                    + "(try_cast('0x' || left(id, 16) AS UBIGINT) >> 1)::BIGINT")).containsExactly("0");
            return rows(ws, "SELECT id, chat_id, ts, seq, author_id, kind, text, text_bytes, media_id, media_name, "
                    + "edited, deleted, source_line, text IS NULL, media_name IS NULL, id_hash FROM messages ORDER BY id");
        }
    }
}
