package dev.egregora.cli.golden;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One committed golden case: {@code golden/<name>/case.properties} names the export ({@code export=}) and the
 * {@code egregora write} arguments ({@code write=}, split at spaces); {@code expected/} holds the built {@code public/}
 * tree without the social-card PNGs, whose hashes are in {@code cards.sha256} ({@code sha256sum} format).
 */
record GoldenCase(String name, Path dir, Path export, List<String> writeArgs) {

    /** The folder of the committed cases: {@code -Dgolden.dir}, else {@code src/test/resources/golden} of this module. */
    static Path root() {
        String override = System.getProperty("golden.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden");
    }

    /** True when the run was asked to rewrite the goldens ({@code -Dgolden.update=true}). */
    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    static Stream<GoldenCase> all() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.properties"))).sorted()
                    .map(GoldenCase::load).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("no golden cases in " + root().toAbsolutePath(), e);
        }
    }

    static GoldenCase load(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String write = p.getProperty("write", "").strip();
        return new GoldenCase(dir.getFileName().toString(), dir, dir.resolve(p.getProperty("export")),
                write.isEmpty() ? List.of() : Arrays.asList(write.split("\\s+")));
    }

    Path expected() {
        return dir.resolve("expected");
    }

    Path cards() {
        return dir.resolve("cards.sha256");
    }

    @Override
    public String toString() {
        return name;
    }
}
