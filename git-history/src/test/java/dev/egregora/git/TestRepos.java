package dev.egregora.git;

import dev.egregora.core.store.CoreSchema;
import dev.egregora.core.store.Migration;
import dev.egregora.core.store.Workspace;
import dev.egregora.git.store.GitSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Repositories built with the git CLI for tests, and workspaces with the module's migrations. */
final class TestRepos {
    private TestRepos() {
    }

    static Workspace workspace(Path site) {
        List<Migration> migrations = new ArrayList<>(CoreSchema.migrations());
        migrations.addAll(GitSchema.migrations());
        return Workspace.open(site, migrations);
    }

    static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A repository with everything the loader must get right: merges (no-ff), renames, deletes, binary files,
     * unicode and space-containing paths, a type change, a mode change, an empty commit, an orphan branch, an
     * annotated and a lightweight tag.
     */
    static GitCli scenario(Path dir) {
        Path template = template();
        try (java.util.stream.Stream<Path> files = Files.walk(template)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(template.relativize(from).toString());
                if (Files.isSymbolicLink(from)) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(from));
                } else if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GitCli(dir).at(templateClock);
    }

    private static Path templateDir;
    private static long templateClock;

    /** The scenario is built once per test JVM with the git CLI, then copied (git spawns are the slow part). */
    private static synchronized Path template() {
        if (templateDir == null) {
            try {
                Path dir = Files.createTempDirectory("egregora-git-scenario");
                GitCli git = build(dir);
                templateClock = git.clock();
                templateDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templateDir;
    }

    private static GitCli build(Path dir) {
        GitCli git = new GitCli(dir);
        git.run("init", "-q", "-b", "main");
        write(dir.resolve("README.md"), "# readme\n");
        write(dir.resolve("src/main.py"), "print('hi')\n");
        write(dir.resolve("dir with space/file name.txt"), "spaces\n");
        write(dir.resolve("ünïcødé/ñandú.md"), "unicode\n");
        write(dir.resolve("assets/logo.bin"), new byte[] {1, 2, 0, 3, 4});
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "initial import");

        write(dir.resolve("src/main.py"), "print('hello')\n");
        write(dir.resolve("src/util.py"), "def f():\n    return 1\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "add util", "-m", "with a body\nof two lines");

        git.run("checkout", "-q", "-b", "feature");
        write(dir.resolve("src/feature.py"), "feature = True\n");
        write(dir.resolve("README.md"), "# readme\n\nfeature\n");
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "feature work");
        write(dir.resolve("src/feature.py"), "feature = 2\n");
        git.run("commit", "-q", "-am", "more feature work");

        git.run("checkout", "-q", "main");
        write(dir.resolve("src/util.py"), "def f():\n    return 2\n");
        git.run("commit", "-q", "-am", "main moves on");
        git.run("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature");

        git.run("mv", "src/util.py", "src/helpers.py");
        git.run("rm", "-q", "assets/logo.bin");
        git.run("commit", "-q", "-m", "rename util, drop logo");

        git.run("commit", "-q", "--allow-empty", "-m", "empty commit");

        try {
            Files.delete(dir.resolve("README.md"));
            Files.createSymbolicLink(dir.resolve("README.md"), Path.of("src/main.py"));
            dir.resolve("src/main.py").toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(dir.resolve("data/blob.dat"), new byte[] {0, 0, 0, 7});
        git.run("add", "-A");
        git.run("commit", "-q", "-m", "symlink readme, chmod main, add data");
        git.run("tag", "-a", "v1.0", "-m", "release 1.0");
        git.run("tag", "light");

        git.run("checkout", "-q", "--orphan", "pages");
        git.run("rm", "-rq", "--cached", ".");
        write(dir.resolve("index.html"), "<h1>pages</h1>\n");
        git.run("add", "index.html");
        git.run("commit", "-q", "-m", "orphan pages");
        git.run("checkout", "-q", "-f", "main");
        git.run("clean", "-fdq");
        return git;
    }
}
