package dev.egregora.etl.archive;

import dev.egregora.core.EgregoraException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How many entries an export may hold, and finding media among them. */
class ExportArchiveEntriesTest {
    private static final String CHAT = "01/03/2024, 09:00 - Ana: IMG-20240301-WA0007.jpg (file attached)\n";

    @TempDir
    Path dir;

    /** Years of a busy group's media: more entries than the old cap of 20,000. */
    private Path export(int media) throws IOException {
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
            z.setLevel(Deflater.NO_COMPRESSION);
            z.putNextEntry(new ZipEntry("WhatsApp Chat with Family.txt"));
            z.write(CHAT.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            for (int i = 0; i < media; i++) {
                z.putNextEntry(new ZipEntry(String.format("IMG-%08d-WA%04d.jpg", 20150101 + i / 10_000, i % 10_000)));
                z.write(new byte[] {(byte) i, 1, 2});
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void anExportWithSixtyThousandMediaFilesOpensWithTheDefaultLimits() throws IOException {
        assertThat(ArchiveLimits.DEFAULTS.maxEntries()).isGreaterThanOrEqualTo(200_000);
        try (ExportArchive a = ExportArchive.open(export(60_000), ArchiveLimits.DEFAULTS)) {
            assertThat(a.chatFileName()).isEqualTo("WhatsApp Chat with Family.txt");
            assertThat(a.mediaEntry("IMG-20150106-WA0042.jpg")).hasValue("IMG-20150106-WA0042.jpg");
            // a chat line may spell a file name in another case than the ZIP does
            assertThat(a.mediaEntry("img-20150101-wa0007.JPG")).hasValue("IMG-20150101-WA0007.jpg");
            assertThat(a.mediaEntry("IMG-20150107-WA0000.jpg")).isEmpty();
            assertThat(a.mediaEntry("WhatsApp Chat with Family.txt")).isEmpty();
            try (var in = a.openEntry(a.mediaEntry("IMG-20150103-WA0005.jpg").orElseThrow())) {
                assertThat(in.readAllBytes()).containsExactly((byte) 20_005, 1, 2);
            }
        }
    }

    @Test
    void oneEntryOverTheCapIsOneLine() throws IOException {
        Path zip = export(100);
        ArchiveLimits limits = new ArchiveLimits(100, 1 << 20, 1 << 20, 100);
        assertThatThrownBy(() -> ExportArchive.open(zip, limits)).isInstanceOf(EgregoraException.class)
                .hasMessage(zip + ": more than 100 entries (zip bomb?)");
        try (ExportArchive a = ExportArchive.open(zip, new ArchiveLimits(101, 1 << 20, 1 << 20, 100))) {
            assertThat(a.mediaEntry("IMG-20150101-WA0099.jpg")).isPresent();
        }
    }

    @Test
    void theFirstOfTwoEntriesWithOneBaseNameWinsWhateverTheFolder() throws IOException {
        Path zip = dir.resolve("folders.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"_chat.txt", "Media/IMG-20240301-WA0007.jpg", "IMG-20240301-wa0007.jpg",
                    "__MACOSX/._IMG-20240301-WA0008.jpg"}) {
                z.putNextEntry(new ZipEntry(name));
                z.write((name.endsWith(".txt") ? CHAT : name).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        try (ExportArchive a = ExportArchive.open(zip, ArchiveLimits.DEFAULTS)) {
            assertThat(a.mediaEntry("IMG-20240301-WA0007.jpg")).hasValue("Media/IMG-20240301-WA0007.jpg");
            assertThat(a.mediaEntry("IMG-20240301-WA0008.jpg")).isEmpty();
            assertThat(a.mediaEntry("._IMG-20240301-WA0008.jpg")).isEmpty();
        }
    }
}
