package dev.egregora.site;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Headless Chromium for browser tests. When {@code /usr/bin/chromium} is absent the test fails if {@code CI=true}
 * (CI installs it) and is skipped otherwise.
 */
final class Chromium {
    static final Path BINARY = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    static void require() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String msg = "headless Chromium not found at " + BINARY + " (apt-get install chromium)";
        if ("true".equals(System.getenv("CI"))) {
            fail(msg + "; CI=true requires it");
        }
        Assumptions.assumeTrue(false, msg + "; browser test skipped");
    }

    /** The DOM after scripts ran (virtual time budget), as serialised HTML. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", "--virtual-time-budget=5000", url));
    }

    static void screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1100", "--hide-scrollbars",
                "--virtual-time-budget=3000", url));
        if (!Files.isRegularFile(png)) {
            fail("chromium wrote no screenshot for " + url);
        }
    }

    private static String run(List<String> extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile));
            cmd.addAll(extra);
            Path out = profile.resolve("stdout.txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                    .redirectError(profile.resolve("stderr.txt").toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish: " + cmd);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
