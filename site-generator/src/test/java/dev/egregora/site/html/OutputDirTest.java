package dev.egregora.site.html;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Temp files of writes stay outside the site, and what a killed build left is cleared. */
class OutputDirTest {
    @TempDir
    Path dir;

    @Test
    void tempFilesNeverLandInTheSiteAndLeftoversAreCleared() throws IOException {
        OutputDir out = new OutputDir(dir.resolve("public"));
        out.write("tags/a/index.html", "x".getBytes());
        try (Stream<Path> files = Files.walk(dir.resolve("public"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .containsExactly("public/tags/a/index.html");
        }
        Path staging = dir.resolve(".public.partial");
        Files.createDirectories(staging);
        Files.write(staging.resolve("0123.tmp"), new byte[] {1}); // as a build killed between write and rename
        out.clearStaging();
        assertThat(staging).doesNotExist();
        assertThat(dir.resolve("public/tags/a/index.html")).hasContent("x");
    }
}
