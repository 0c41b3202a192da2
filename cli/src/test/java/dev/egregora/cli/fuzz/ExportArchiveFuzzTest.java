package dev.egregora.cli.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egregora.core.EgregoraException;
import dev.egregora.etl.archive.ArchiveLimits;
import dev.egregora.etl.archive.ExportArchive;
import dev.egregora.etl.parse.ChatParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The export reader on hostile files: raw bytes, or a ZIP built from fuzzed entry names and contents (traversal
 * names, several chats, Mac metadata) with some bytes then flipped. Opening gives an archive or an
 * {@link EgregoraException} with one line; reading its chat and media streams gives bytes or an
 * {@link IOException} (which the input adapter turns into "cannot read"), never anything else, and never more bytes
 * than the limits allow.
 */
class ExportArchiveFuzzTest {
    private static final ArchiveLimits LIMITS = new ArchiveLimits(50, 1 << 20, 4 << 20, 100);
    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("egregora-zip-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void open(FuzzedDataProvider data) throws IOException {
        boolean structured = data.consumeBoolean();
        String fileName = data.consumeBoolean() ? "export.zip" : "WhatsApp Chat with X.txt";
        byte[] bytes = structured ? zip(data) : data.consumeRemainingAsBytes();
        Path file = DIR.resolve(fileName);
        Files.write(file, bytes);
        ExportArchive archive;
        try {
            archive = ExportArchive.open(file, LIMITS);
        } catch (EgregoraException e) {
            Invariants.oneLine(e);
            return;
        }
        try (archive) {
            if (archive.chatFileName() == null || archive.chatName() == null) {
                throw new AssertionError("archive without chat name");
            }
            long read = drain(archive.openChat());
            if (read > LIMITS.maxEntryBytes()) {
                throw new AssertionError("read " + read + " bytes, over the entry limit");
            }
            for (String name : new String[] {"IMG-0001.jpg", "a.txt", "photo.png", "x"}) {
                var entry = archive.mediaEntry(name);
                if (entry.isPresent()) {
                    drain(archive.openEntry(entry.get()));
                }
            }
        } catch (IOException | EgregoraException e) {
            // the adapter reports these as "<file>: cannot read: ..." (one line); an EgregoraException must be one
            if (e instanceof EgregoraException ee) {
                Invariants.oneLine(ee);
            }
        }
    }

    private static long drain(InputStream in) throws IOException {
        try (in) {
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
            }
            return total;
        }
    }

    /** A ZIP from fuzz data: up to 6 entries with fuzzed names and bodies, then up to 4 flipped bytes. */
    private static byte[] zip(FuzzedDataProvider data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int entries = data.consumeInt(0, 6);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < entries; i++) {
                String name = switch (data.consumeInt(0, 4)) {
                    case 0 -> "WhatsApp Chat with Friends.txt";
                    case 1 -> "IMG-0001.jpg";
                    case 2 -> data.consumeString(40);
                    case 3 -> "__MACOSX/._chat.txt";
                    default -> data.consumeString(10) + ".txt";
                };
                if (name.isEmpty()) {
                    name = "empty";
                }
                boolean stored = data.consumeBoolean();
                byte[] body = data.consumeBoolean()
                        ? ("12/03/2024, 10:0" + i + " - Ana: " + data.consumeString(60) + "\n").getBytes(StandardCharsets.UTF_8)
                        : data.consumeBytes(200);
                ZipEntry e = new ZipEntry(name);
                if (stored) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(body);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(body.length);
                    e.setCompressedSize(body.length);
                    e.setCrc(crc.getValue());
                } else {
                    e.setMethod(ZipEntry.DEFLATED);
                }
                try {
                    z.putNextEntry(e);
                } catch (java.util.zip.ZipException dup) {
                    continue; // duplicate name
                }
                z.write(body);
                z.closeEntry();
            }
        }
        byte[] bytes = out.toByteArray();
        int flips = data.consumeInt(0, 4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            int at = data.consumeInt(0, bytes.length - 1);
            bytes[at] = data.consumeByte();
        }
        return bytes;
    }
}
