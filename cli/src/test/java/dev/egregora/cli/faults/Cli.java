package dev.egregora.cli.faults;

import dev.egregora.cli.EgregoraCommand;
import dev.egregora.etl.sample.SampleExport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the real command line in-process and snapshots site trees for the fault tests. */
final class Cli {
    record Result(int code, String out, String err) {
        /** The last line of standard error (the one-line message the user sees). */
        String message() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EgregoraCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    static Result write(Path export, Path site) {
        return run("write", export.toString(), "--output", site.toString(), "--timezone", "UTC", "--threads", "1");
    }

    /** A seeded sample export with media: the same bytes every time. */
    static Path export(Path dir, int messages) {
        Path zip = dir.resolve("chat-" + messages + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            SampleExport.writeZip(out, SampleExport.Options.defaults().withMessages(messages).withMediaPerMille(40));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    /** Relative path -> SHA-256 of every regular file under {@code root}. */
    static Map<String, String> hashes(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a system command (mount, chattr); true when it exited 0. */
    static boolean sh(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
