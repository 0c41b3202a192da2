package dev.egregora.etl.sample;

import dev.egregora.core.model.Ids;
import dev.egregora.core.port.InputAdapter.DateOrder;
import dev.egregora.core.port.InputAdapter.IngestSummary;
import dev.egregora.core.port.InputAdapter.Request;
import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Workspace;
import dev.egregora.etl.WhatsAppInputAdapter;
import dev.egregora.etl.classify.BodyClassifier;
import dev.egregora.etl.parse.ChatParser;
import dev.egregora.etl.parse.ParsedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SampleExportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyLayoutParsesBackToTheGeneratedMessages(Layout layout) throws IOException {
        SampleExport.Options o = SampleExport.Options.defaults().withMessages(3000).withLayout(layout).withSeed(7);
        List<SampleMessage> generated = new ArrayList<>();
        SampleExport.generate(o, generated::add);
        StringWriter w = new StringWriter();
        SampleExport.writeText(w, o);
        List<ParsedMessage> parsed = ChatParser.standard().parse(w.toString(), DateOrder.AUTO);
        assertThat(parsed).hasSameSizeAs(generated);
        for (int i = 0; i < generated.size(); i++) {
            SampleMessage g = generated.get(i);
            ParsedMessage p = parsed.get(i);
            assertThat(p.time()).as("message %d", i).isEqualTo(g.time());
            assertThat(p.author()).as("message %d", i).isEqualTo(g.author());
            if (g.attachment() != null) {
                assertThat(BodyClassifier.classify(p.text()).attachment()).as("message %d", i).isEqualTo(g.attachment());
            } else {
                assertThat(p.text()).as("message %d", i).isEqualTo(g.text());
            }
        }
    }

    @Test
    void sameOptionsSameBytes() throws IOException {
        SampleExport.Options o = SampleExport.Options.defaults().withMessages(500);
        assertThat(Ids.sha256Hex(zip(o))).isEqualTo(Ids.sha256Hex(zip(o)));
        assertThat(Ids.sha256Hex(zip(o.withSeed(43)))).isNotEqualTo(Ids.sha256Hex(zip(o)));
    }

    @Test
    void zipIngestsWithMediaAndCommands() throws IOException {
        SampleExport.Options o = SampleExport.Options.defaults().withMessages(5000).withMediaPerMille(10)
                .withLayout(Layout.IOS_MDY_12H);
        Path zip = dir.resolve("sample.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            SampleExport.writeZip(out, o);
        }
        try (Workspace ws = Workspace.open(dir.resolve("site"), CoreSchema.migrations())) {
            IngestSummary s = new WhatsAppInputAdapter().ingest(ws,
                    new Request(zip, ZoneOffset.UTC, DateOrder.AUTO, true));
            assertThat(s.messagesRead()).isEqualTo(5000);
            assertThat(s.messagesAdded()).isEqualTo(5000);
            assertThat(s.dateOrder()).isEqualTo(DateOrder.MDY);
            assertThat(s.mediaFiles()).isGreaterThan(20);
            assertThat(s.systemMessages()).isGreaterThan(1);
            assertThat(s.authors()).isEqualTo(9);
            assertThat(s.skipped()).isEmpty();
        }
    }

    private static byte[] zip(SampleExport.Options o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SampleExport.writeZip(out, o);
        return out.toByteArray();
    }
}
