package dev.egregora.git.sample;

import dev.egregora.core.EgregoraException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deterministic synthetic repository for tests and benchmarks: {@code commits} commits (exactly), about
 * {@code commits / 5} live files in two directory levels (some names with spaces and non-ASCII letters, some binary),
 * feature branches merged back with {@code --no-ff} merges, a few branches left unmerged, renames, deletes, and a
 * lightweight tag every 500 commits of {@code main}. The same {@code (commits, seed)} gives the same SHAs on every
 * run and machine. Objects are written through one {@link ObjectInserter} (no work tree, no index) into a bare
 * repository, which is then packed ({@code git gc}) so reads look like a real clone's.
 */
public final class SampleRepository {
    private static final Instant START = Instant.parse("2020-01-06T09:00:00Z");
    private static final String[] AUTHORS = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Donald Knuth", "Frances Allen", "Ken Thompson", "Margaret Hamilton", "João Ninguém",
            "Zoë Ärger", "Linus Ohne"};
    private static final int[] ZONES = {0, 60, 120, -180, -300, 330, 540, -420};
    private static final String[] DIRS = {"src", "lib", "docs", "test", "web", "tools", "conf", "data", "ünïcode",
            "my docs"};
    private static final String[] EXT = {".java", ".md", ".py", ".txt", ".json", ".html"};

    /** What was generated. */
    public record Result(Path dir, int commits, int liveFiles, int pathsEverUsed, int merges, int renames,
                         int deletes, int branches, int tags, String head) {
    }

    private final Repository repo;
    private final ObjectInserter inserter;
    private final SplittableRandom random;
    private long clock = START.getEpochSecond();
    private int fileSeq;
    private int merges;
    private int renames;
    private int deletes;
    private final Set<String> everUsed = new HashSet<>();
    private final Map<String, ObjectId> refs = new TreeMap<>();

    private SampleRepository(Repository repo, long seed) {
        this.repo = repo;
        // one pack written directly (loose objects would cost a file each); the repository starts empty, so the
        // existence check against it is skipped (the inserter still drops its own duplicates)
        var packInserter = ((org.eclipse.jgit.internal.storage.file.ObjectDirectory) repo.getObjectDatabase())
                .newPackInserter();
        packInserter.checkExisting(false);
        packInserter.setCompressionLevel(1);
        this.inserter = packInserter;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Generates a bare repository with {@code commits} commits into {@code dir} (created; must not contain a
     * repository yet) and packs it.
     */
    public static Result generate(Path dir, int commits, long seed) {
        return generate(dir, commits, seed, true);
    }

    /**
     * As {@link #generate(Path, int, long)}; {@code gc = false} leaves the one pack the inserter wrote (no deltas)
     * instead of repacking with deltas as {@code git gc} does.
     */
    public static Result generate(Path dir, int commits, long seed, boolean gc) {
        if (commits < 1) {
            throw new IllegalArgumentException("commits must be >= 1: " + commits);
        }
        try {
            Files.createDirectories(dir);
            try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call()) {
                Repository repo = git.getRepository();
                repo.getConfig().setString("remote", "origin", "url", "https://github.com/egregora/sample.git");
                repo.getConfig().save();
                Result r = new SampleRepository(repo, seed).build(dir, commits);
                if (gc) {
                    repack(repo);
                }
                return r;
            }
        } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new EgregoraException("cannot generate sample repository in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Git's tree order: names compared as UTF-8 bytes, directories as if they ended in {@code /}. */
    private static final java.util.Comparator<String> FILE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final java.util.Comparator<String> DIR_ORDER = (a, b) -> Arrays.compareUnsigned(
            (a + "/").getBytes(StandardCharsets.UTF_8), (b + "/").getBytes(StandardCharsets.UTF_8));

    /** Repacks with a delta search (the inserter's pack has none), as {@code git repack -adf} would. */
    private static void repack(Repository repo) throws IOException {
        var gc = new org.eclipse.jgit.internal.storage.file.GC(
                (org.eclipse.jgit.internal.storage.file.FileRepository) repo);
        org.eclipse.jgit.storage.pack.PackConfig pc = new org.eclipse.jgit.storage.pack.PackConfig(repo);
        pc.setReuseDeltas(false);
        pc.setReuseObjects(false);
        pc.setDeltaCompress(true);
        pc.setBuildBitmaps(false);
        gc.setPackConfig(pc);
        gc.setPackExpireAgeMillis(0);
        gc.setExpireAgeMillis(0);
        gc.repack();
        try {
            gc.prune(Set.of()); // unreachable leftovers (trees of intermediate states) that the repack loosened
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
    }

    /** One branch's files: directory → (name → blob), the text lines behind each blob, and cached tree ids. */
    private static final class State {
        final TreeMap<String, TreeMap<String, ObjectId>> dirs = new TreeMap<>(DIR_ORDER);
        final Map<String, String[]> lines = new HashMap<>();
        final Map<String, ObjectId> dirTrees = new HashMap<>();
        final ArrayList<String> pathList = new ArrayList<>();
        final Map<String, Integer> pathIndex = new HashMap<>();
        ObjectId head;

        State copy() {
            State s = new State();
            dirs.forEach((d, files) -> {
                TreeMap<String, ObjectId> copy = new TreeMap<>(FILE_ORDER);
                copy.putAll(files);
                s.dirs.put(d, copy);
            });
            s.lines.putAll(lines);
            s.dirTrees.putAll(dirTrees);
            s.pathList.addAll(pathList);
            s.pathIndex.putAll(pathIndex);
            s.head = head;
            return s;
        }

        int size() {
            return pathList.size();
        }

        String path(int i) {
            return pathList.get(i);
        }

        ObjectId get(String path) {
            int slash = path.indexOf('/');
            TreeMap<String, ObjectId> files = dirs.get(path.substring(0, slash));
            return files == null ? null : files.get(path.substring(slash + 1));
        }

        void put(String path, ObjectId blob) {
            int slash = path.indexOf('/');
            String dir = path.substring(0, slash);
            dirs.computeIfAbsent(dir, k -> new TreeMap<>(FILE_ORDER)).put(path.substring(slash + 1), blob);
            dirTrees.remove(dir);
            if (!pathIndex.containsKey(path)) {
                pathIndex.put(path, pathList.size());
                pathList.add(path);
            }
        }

        void remove(String path) {
            int slash = path.indexOf('/');
            String dir = path.substring(0, slash);
            TreeMap<String, ObjectId> files = dirs.get(dir);
            files.remove(path.substring(slash + 1));
            if (files.isEmpty()) {
                dirs.remove(dir);
            }
            dirTrees.remove(dir);
            lines.remove(path);
            int i = pathIndex.remove(path);
            String last = pathList.remove(pathList.size() - 1);
            if (i < pathList.size()) {
                pathList.set(i, last);
                pathIndex.put(last, i);
            }
        }
    }

    private Result build(Path dir, int total) throws IOException {
        State main = new State();
        int made = 0;
        int mainCommits = 0;
        int tags = 0;
        int branches = 0;
        List<String> unmerged = new ArrayList<>();
        // a first commit with a few files so later operations have something to work on
        for (int i = 0; i < 8; i++) {
            add(main, null);
        }
        main.head = commit(main, List.of(), "Initial import");
        made++;
        mainCommits++;
        while (made < total) {
            int left = total - made;
            if (left >= 6 && random.nextInt(30) == 0) {
                // a feature branch: k commits, then (usually) a --no-ff merge into main
                State feature = main.copy();
                int k = 1 + random.nextInt(Math.min(6, left - 2));
                Map<String, ObjectId> touched = new HashMap<>();
                for (int i = 0; i < k; i++) {
                    work(feature, touched);
                    feature.head = commit(feature, List.of(feature.head), subject("feature"));
                    made++;
                }
                branches++;
                if (random.nextInt(6) == 0) {
                    String name = "feature/topic-" + branches;
                    unmerged.add(name);
                    updateRef(Constants.R_HEADS + name, feature.head);
                    continue;
                }
                if (random.nextBoolean() && made < total - 1) {
                    work(main, null);
                    main.head = commit(main, List.of(main.head), subject("main"));
                    made++;
                    mainCommits++;
                }
                for (Map.Entry<String, ObjectId> t : touched.entrySet()) {
                    if (t.getValue() == null) {
                        if (main.get(t.getKey()) != null) {
                            main.remove(t.getKey());
                        }
                    } else {
                        main.put(t.getKey(), t.getValue());
                        main.lines.put(t.getKey(), feature.lines.get(t.getKey()));
                    }
                }
                main.head = commit(main, List.of(main.head, feature.head), "Merge branch 'topic-" + branches + "'");
                merges++;
                made++;
                mainCommits++;
            } else {
                work(main, null);
                main.head = commit(main, List.of(main.head), subject("main"));
                made++;
                mainCommits++;
            }
            if (mainCommits % 500 == 0) {
                tags++;
                updateRef(Constants.R_TAGS + "v" + tags + ".0", main.head);
            }
        }
        updateRef(Constants.R_HEADS + "main", main.head);
        inserter.flush();
        inserter.close();
        writeRefs();
        return new Result(dir, made, main.size(), everUsed.size(), merges, renames, deletes,
                1 + unmerged.size(), tags, main.head.name());
    }

    /** 1-4 file operations: mostly modifications, some adds, renames and deletes. */
    private void work(State s, Map<String, ObjectId> touched) throws IOException {
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            int roll = random.nextInt(100);
            if (roll < 10 || s.size() < 4) {
                String p = add(s, null);
                note(touched, p, s.get(p));
            } else if (roll < 13) {
                String from = s.path(random.nextInt(s.size()));
                String to = newPath();
                ObjectId blob = s.get(from);
                String[] text = s.lines.get(from);
                s.remove(from);
                s.put(to, blob);
                s.lines.put(to, text);
                renames++;
                note(touched, from, null);
                note(touched, to, blob);
            } else if (roll < 15) {
                String p = s.path(random.nextInt(s.size()));
                s.remove(p);
                deletes++;
                note(touched, p, null);
            } else {
                String p = s.path(random.nextInt(s.size()));
                String[] text = s.lines.get(p);
                if (text == null) {
                    continue; // binary: left alone
                }
                text = text.clone();
                if (random.nextInt(4) == 0) {
                    text = Arrays.copyOf(text, text.length + 1);
                }
                text[random.nextInt(text.length)] = line();
                s.lines.put(p, text);
                s.put(p, blob(text));
                note(touched, p, s.get(p));
            }
        }
    }

    private static void note(Map<String, ObjectId> touched, String path, ObjectId blob) {
        if (touched != null) {
            touched.put(path, blob);
        }
    }

    private String add(State s, String path) throws IOException {
        String p = path == null ? newPath() : path;
        if (random.nextInt(25) == 0) {
            byte[] bin = new byte[64 + random.nextInt(512)];
            for (int i = 0; i < bin.length; i++) {
                bin[i] = (byte) random.nextInt(256);
            }
            bin[0] = 0;
            s.put(p, inserter.insert(Constants.OBJ_BLOB, bin));
            s.lines.remove(p);
        } else {
            String[] text = new String[8 + random.nextInt(24)];
            for (int i = 0; i < text.length; i++) {
                text[i] = line();
            }
            s.put(p, blob(text));
            s.lines.put(p, text);
        }
        return p;
    }

    private String newPath() {
        int n = fileSeq++;
        String dir = DIRS[random.nextInt(DIRS.length)] + "/" + "mod" + (n % 97 / 10);
        String name = (random.nextInt(40) == 0 ? "file " + n : "file" + n) + EXT[random.nextInt(EXT.length)];
        String path = dir.replace('/', '-') + "/" + name;
        everUsed.add(path);
        return path;
    }

    private String line() {
        return "line " + random.nextInt(1_000_000) + " of sample text " + Long.toHexString(random.nextLong());
    }

    private ObjectId blob(String[] text) throws IOException {
        return inserter.insert(Constants.OBJ_BLOB, (String.join("\n", text) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private String subject(String where) {
        String[] verbs = {"Fix", "Add", "Refactor", "Update", "Improve", "Document", "Test", "Tune"};
        return verbs[random.nextInt(verbs.length)] + " " + where + " code path " + random.nextInt(10_000);
    }

    private ObjectId commit(State s, List<ObjectId> parents, String subject) throws IOException {
        TreeFormatter root = new TreeFormatter();
        for (Map.Entry<String, TreeMap<String, ObjectId>> d : s.dirs.entrySet()) {
            ObjectId tree = s.dirTrees.get(d.getKey());
            if (tree == null) {
                TreeFormatter f = new TreeFormatter();
                for (Map.Entry<String, ObjectId> e : d.getValue().entrySet()) {
                    f.append(e.getKey(), FileMode.REGULAR_FILE, e.getValue());
                }
                tree = inserter.insert(f);
                s.dirTrees.put(d.getKey(), tree);
            }
            root.append(d.getKey(), FileMode.TREE, tree);
        }
        ObjectId rootTree = inserter.insert(root);
        clock += 60 + random.nextInt(7200);
        String author = AUTHORS[random.nextInt(AUTHORS.length)];
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(ZONES[random.nextInt(ZONES.length)] * 60);
        PersonIdent a = new PersonIdent(author, email(author), Instant.ofEpochSecond(clock - random.nextInt(3600)), zone);
        PersonIdent c = random.nextInt(5) == 0
                ? new PersonIdent("Release Bot", "bot@example.org", Instant.ofEpochSecond(clock), ZoneOffset.UTC)
                : new PersonIdent(author, email(author), Instant.ofEpochSecond(clock), zone);
        CommitBuilder b = new CommitBuilder();
        b.setTreeId(rootTree);
        b.setParentIds(parents);
        b.setAuthor(a);
        b.setCommitter(c);
        b.setMessage(subject + "\n\nGenerated commit body line.\n");
        return inserter.insert(b);
    }

    private static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.org";
    }

    private void updateRef(String name, ObjectId id) {
        refs.put(name, id);
    }

    private void writeRefs() throws IOException {
        for (Map.Entry<String, ObjectId> r : refs.entrySet()) {
            writeRef(r.getKey(), r.getValue());
        }
    }

    private void writeRef(String name, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(name);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot update " + name + ": " + r);
        }
    }

}
