package dev.egregora.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.egregora.core.model.Ids;

/** Content hashes of every file below a directory, keyed by relative path, for comparing built sites. */
final class SiteTrees {
    private SiteTrees() {
    }

    static Map<String, String> hashes(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    out.put(root.relativize(f).toString(), Ids.sha256Hex(Files.readAllBytes(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String allText(Path root) {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json") || name.endsWith(".js")
                        || name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".yml")) {
                    b.append(Files.readString(f)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }
}
