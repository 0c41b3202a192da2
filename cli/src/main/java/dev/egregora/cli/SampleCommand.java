package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.etl.sample.Layout;
import dev.egregora.etl.sample.SampleExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** {@code egregora sample --messages N > chat.zip}: a deterministic synthetic export. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Write a synthetic chat export (deterministic, seeded) to a file or standard output.")
final class SampleCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--messages", defaultValue = "1000", paramLabel = "N", description = "Messages (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layout", defaultValue = "android_dmy_24h", paramLabel = "LAYOUT",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = Layouts.class)
    String layout;

    @Option(names = "--format", defaultValue = "zip", paramLabel = "FORMAT", description = "zip (with media) or txt.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public void run() {
        if (messages < 0) {
            throw new EgregoraException("--messages must be >= 0");
        }
        SampleExport.Options options = SampleExport.Options.defaults().withMessages(messages).withSeed(seed)
                .withLayout(layout(layout));
        boolean zip = switch (format.toLowerCase(Locale.ROOT)) {
            case "zip" -> true;
            case "txt" -> false;
            default -> throw new EgregoraException("unknown format '" + format + "' (zip or txt)");
        };
        try {
            if (output == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                write(out, options, zip);
                out.flush();
            } else {
                write(output, options, zip);
                root.err().println("Wrote " + output + " (" + messages + " messages, " + layout + ")");
            }
        } catch (IOException e) {
            throw new EgregoraException("cannot write the sample: " + e.getMessage(), e);
        }
    }

    /** Writes a sample export to {@code file} atomically. */
    static void write(Path file, SampleExport.Options options, boolean zip) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sample", ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            write(out, options, zip);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(OutputStream out, SampleExport.Options options, boolean zip) throws IOException {
        if (zip) {
            SampleExport.writeZip(out, options);
        } else {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SampleExport.writeText(w, options);
            w.flush();
        }
    }

    static Layout layout(String name) {
        try {
            return Layout.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EgregoraException("unknown layout '" + name + "' (one of " + String.join(", ", new Layouts()) + ")");
        }
    }

    /** The layout names, lower-case. */
    static final class Layouts extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Layouts() {
            for (Layout l : Layout.values()) {
                add(l.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
