package dev.egregora.site.html;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.model.Ids;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The build manifest of one output directory: for every file the generator wrote there, the fingerprint of all
 * its inputs. Stored as {@code SITE/.egregora/site-manifest-<hash of the output path>.tsv} (one
 * {@code path TAB fingerprint} line per file, sorted), replaced atomically after the outputs are written, so a
 * crash between the two only causes extra rewrites on the next build. Reading 15k entries takes a few ms.
 */
public final class ManifestFile {
    private final Path file;

    public ManifestFile(Path dataDir, Path output) {
        this.file = dataDir.resolve("site-manifest-" + Ids.sha256Hex(output.toString()).substring(0, 12) + ".tsv");
    }

    public Path file() {
        return file;
    }

    public Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return m;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = 0;
            int n = text.length();
            while (from < n) {
                int tab = text.indexOf('\t', from);
                int nl = text.indexOf('\n', from);
                if (tab < 0 || nl < 0 || tab > nl) {
                    return new HashMap<>(); // damaged: rebuild everything
                }
                m.put(text.substring(from, tab), text.substring(tab + 1, nl));
                from = nl + 1;
            }
            return m;
        } catch (IOException e) {
            throw new EgregoraException("cannot read the site manifest " + file + ": " + e.getMessage(), e);
        }
    }

    public void save(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder(entries.size() * 80);
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot write the site manifest " + file + ": " + e.getMessage(), e);
        }
    }
}
