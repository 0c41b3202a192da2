package dev.egregora.cli.faults;

import dev.egregora.cli.faults.Cli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults around a real {@code egregora write}: each one ends with exit code 1 and a single line on stderr (or a
 * successful run), and once the cause is removed a re-run produces exactly the site of one clean run.
 */
class FaultInjectionTest {
    private static final int MESSAGES = 250;

    @TempDir
    static Path shared;
    static Path export;
    static Map<String, String> clean;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() {
        export = Cli.export(shared, MESSAGES);
        Path site = shared.resolve("clean");
        Result r = Cli.write(export, site);
        assertThat(r.code()).as(r.err()).isZero();
        clean = Cli.hashes(site.resolve("public"));
        assertThat(clean).isNotEmpty();
    }

    @Test
    void deletedDatabaseIsRebuiltFromTheExport() throws IOException {
        Path site = firstRun();
        deleteDatabase(site);
        assertRerunRestores(site);
    }

    @Test
    void truncatedDatabaseGivesOneLineAndDeletingItRecovers() throws IOException {
        Path site = firstRun();
        Path db = database(site);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        Result r = Cli.write(export, site);
        if (r.code() != 0) {
            assertOneLine(r);
            assertThat(r.message()).contains("egregora.duckdb");
            deleteDatabase(site);
        }
        assertRerunRestores(site);
    }

    @Test
    void corruptedDatabaseGivesOneLineAndDeletingItRecovers() throws IOException {
        Path site = firstRun();
        Path db = database(site);
        byte[] junk = new byte[64 * 1024];
        new Random(11).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(Math.max(0, f.length() / 2 - junk.length / 2));
            f.write(junk);
            f.seek(0);
            f.write(junk, 0, 4096); // the header too
        }
        Result r = Cli.write(export, site);
        if (r.code() != 0) {
            assertOneLine(r);
            assertThat(r.message()).contains("egregora.duckdb");
            deleteDatabase(site);
        }
        assertRerunRestores(site);
    }

    /** Finding F2 (docs/reliability.md): a plain incremental build restores pages deleted by hand. */
    @Test
    void handDeletedPagesAreRestoredByTheNextBuild() throws IOException {
        Path site = firstRun();
        Path pub = site.resolve("public");
        List<Path> pages = posts(pub);
        Files.delete(pages.get(0));
        Files.delete(pub.resolve("tags/index.html"));

        Result build = Cli.run("build", "--site", site.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertSameSite(pub);
    }

    @Test
    void handEditedPagesAreRestoredByAFullBuild() throws IOException {
        Path site = firstRun();
        Path pub = site.resolve("public");
        List<Path> pages = posts(pub);
        Files.delete(pages.get(0));
        Files.delete(pub.resolve("tags/index.html"));
        Files.writeString(pages.get(1), "<h1>edited by hand</h1>", StandardCharsets.UTF_8);
        Files.writeString(pub.resolve("index.html"), "", StandardCharsets.UTF_8);

        Result build = Cli.run("build", "--site", site.toString(), "--full");
        assertThat(build.code()).as(build.err()).isZero();
        assertSameSite(pub);
    }

    private static List<Path> posts(Path pub) throws IOException {
        try (Stream<Path> s = Files.walk(pub.resolve("posts"))) {
            List<Path> pages = s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().limit(2).toList();
            assertThat(pages).hasSize(2);
            return pages;
        }
    }

    @Test
    void interruptedMediaCopyLeavesNothingBehindAfterARerun() throws IOException {
        Path site = firstRun();
        Path media = site.resolve("media");
        List<Path> files;
        try (Stream<Path> s = Files.walk(media)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        // a copy killed half-way: the temp file of MediaStore, and a stored file cut short (non-atomic file systems)
        Files.write(media.resolve(".incoming-123456.tmp"), new byte[] {1, 2, 3});
        Path cut = files.get(0);
        byte[] full = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));

        assertRerunRestores(site);
        assertThat(Files.readAllBytes(cut)).as("media file restored from the export").isEqualTo(full);
    }

    @Test
    void readOnlyOutputDirectoryGivesOneLineThenARerunCompletes() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        boolean immutable = Cli.root() && Cli.sh("chattr", "+i", site.toString());
        if (!immutable) {
            assumeTrue(!Cli.root() && site.toFile().setWritable(false), "cannot make a directory read-only here");
        }
        try {
            Result r = Cli.write(export, site);
            assertThat(r.code()).isEqualTo(1);
            assertOneLine(r);
            assertThat(r.message()).contains(site.toString());
        } finally {
            if (immutable) {
                Cli.sh("chattr", "-i", site.toString());
            } else {
                site.toFile().setWritable(true);
            }
        }
        assertRerunRestores(site);
    }

    /**
     * Disk full at different moments: a tmpfs of 16 KiB, 64 KiB or 256 KiB holding the site runs out of space in the
     * database (ingest or the write stage's commit; F10: that cause used to be hidden behind "cannot commit - no
     * transaction is active"), in media or in the pages; then the same file system grown: the re-run completes.
     * Needs root for mount.
     */
    @Test
    void diskFullGivesOneLineAndARerunWithSpaceCompletes() throws IOException {
        assumeTrue(Cli.root(), "mount needs root");
        List<String> messages = new ArrayList<>();
        for (String size : new String[] {"16k", "64k", "256k"}) {
            Path mnt = Files.createDirectories(dir.resolve("tmpfs-" + size));
            assumeTrue(Cli.sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mnt.toString()),
                    "cannot mount a tmpfs here");
            try {
                Path site = mnt.resolve("site");
                Result r = Cli.write(export, site);
                assertThat(r.code()).as(size + ": " + r.err()).isEqualTo(1);
                assertOneLine(r);
                assertThat(r.message()).as(size).contains("No space left on device");
                messages.add(r.message());
                assertThat(Cli.sh("mount", "-o", "remount,size=256m", mnt.toString())).isTrue();
                assertRerunRestores(site);
            } finally {
                Cli.sh("umount", mnt.toString());
            }
        }
        assertThat(messages).as("the database and the pages both ran out of space")
                .anySatisfy(m -> assertThat(m).contains(".egregora"))
                .anySatisfy(m -> assertThat(m).contains("public"));
    }

    // -------------------------------------------------------------------------------------------- helpers

    private Path firstRun() {
        Path site = dir.resolve("site");
        Result r = Cli.write(export, site);
        assertThat(r.code()).as(r.err()).isZero();
        assertSameSite(site.resolve("public"));
        return site;
    }

    private static void assertRerunRestores(Path site) {
        Result again = Cli.write(export, site);
        assertThat(again.code()).as(again.err()).isZero();
        assertSameSite(site.resolve("public"));
    }

    /** The built site equals the clean run's, file by file (the message lists only the differing paths). */
    static void assertSameSite(Path pub) {
        Map<String, String> now = Cli.hashes(pub);
        java.util.TreeSet<String> diff = new java.util.TreeSet<>();
        for (String k : clean.keySet()) {
            if (!clean.get(k).equals(now.get(k))) {
                diff.add(now.containsKey(k) ? "changed " + k : "missing " + k);
            }
        }
        for (String k : now.keySet()) {
            if (!clean.containsKey(k)) {
                diff.add("extra " + k);
            }
        }
        assertThat(diff).as("differences from a clean run").isEmpty();
    }

    static void assertOneLine(Result r) {
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(r.message()).startsWith("egregora: ");
        assertThat(r.err()).as("no exception class names").doesNotContain("Exception:");
        assertThat(r.message()).as("an anticipated error, not a bare exception").doesNotContain("run with --verbose");
        assertThat(r.message().length()).as(r.message()).isLessThan(400);
    }

    static Path database(Path site) {
        return site.resolve(".egregora/egregora.duckdb");
    }

    static void deleteDatabase(Path site) throws IOException {
        Files.deleteIfExists(database(site));
        Files.deleteIfExists(site.resolve(".egregora/egregora.duckdb.wal"));
    }
}
