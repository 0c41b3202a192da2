package dev.egregora.cli;

import dev.egregora.cli.EgregoraCommandTest.Result;
import dev.egregora.etl.sample.SampleExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.egregora.cli.EgregoraCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviour across real processes: the site lock, and crash safety under SIGKILL. */
class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessOnTheSameSiteGetsALockErrorNotAStackTrace() throws Exception {
        Path site = dir.resolve("site");
        Process holder = java(LockHolder.class.getName(), site.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("locked ");
            Result r = run("windows", "--site", site.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().strip()).startsWith("egregora: site is locked by another run").doesNotContain("\n");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(run("windows", "--site", site.toString()).code()).isZero();
    }

    @Test
    void killingWriteAtAnyMomentAndRerunningGivesTheSameSiteAsOneCleanRun() throws Exception {
        Path export = dir.resolve("chat.zip");
        SampleCommand.write(export, SampleExport.Options.defaults().withMessages(3000), true);
        String[] write = {"write", export.toString(), "--timezone", "UTC", "--unit", "messages", "--size", "15",
                "--threads", "1", "--output"};

        Path clean = dir.resolve("clean");
        Result cleanRun = run(concat(write, clean.toString()));
        assertThat(cleanRun.code()).as(cleanRun.err()).isZero();

        Path crashed = dir.resolve("crashed");
        for (long delayMs : new long[] {300, 900, 1800}) {
            Process child = java(Main.class.getName(), concat(write, crashed.toString())).redirectErrorStream(true).start();
            // let it get into ingest, windows or the middle of the write stage, then SIGKILL it
            Thread.sleep(1500 + delayMs);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Result resumed = run(concat(write, crashed.toString()));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(SiteTrees.hashes(crashed.resolve("public"))).isEqualTo(SiteTrees.hashes(clean.resolve("public")));
        assertThat(WriteEndToEndTest.count(crashed, "SELECT count(*) FROM posts"))
                .isEqualTo(WriteEndToEndTest.count(clean, "SELECT count(*) FROM posts"));
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
