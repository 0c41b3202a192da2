package dev.egregora.cli.golden;

import dev.egregora.cli.EgregoraCommand;
import dev.egregora.etl.sample.SampleExport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code egregora write} in this JVM, optionally under another default time zone and locale. */
final class SiteBuilds {
    private SiteBuilds() {
    }

    /** {@code egregora write EXPORT --output SITE ARGS...}; fails the test on a non-zero exit. */
    static String write(Path export, Path site, List<String> args) {
        List<String> all = new ArrayList<>(List.of("write", export.toString(), "--output", site.toString()));
        all.addAll(args);
        return run(all.toArray(String[]::new));
    }

    /** Any {@code egregora} command; fails the test on a non-zero exit. */
    static String run(String... args) {
        List<String> all = List.of(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EgregoraCommand.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("egregora %s\n%s%s", String.join(" ", all), out, err).isZero();
        return out.toString();
    }

    /** The same, with the JVM's default zone and locale switched for the run (restored after). */
    static String writeUnder(TimeZone zone, Locale locale, Path export, Path site, List<String> args) {
        TimeZone zoneBefore = TimeZone.getDefault();
        Locale localeBefore = Locale.getDefault();
        TimeZone.setDefault(zone);
        Locale.setDefault(locale);
        try {
            return write(export, site, args);
        } finally {
            TimeZone.setDefault(zoneBefore);
            Locale.setDefault(localeBefore);
        }
    }

    /** Writes a generated sample export (a ZIP with media, or a bare chat text). */
    static void sample(Path file, SampleExport.Options options, boolean zip) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            if (zip) {
                SampleExport.writeZip(out, options);
            } else {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                SampleExport.writeText(w, options);
                w.flush();
            }
        }
    }
}
