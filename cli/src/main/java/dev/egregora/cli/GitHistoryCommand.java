package dev.egregora.cli;

import dev.egregora.core.EgregoraException;
import dev.egregora.core.store.Workspace;
import dev.egregora.core.store.WorkspaceOpener;
import dev.egregora.git.CommitInfo;
import dev.egregora.git.FileHistory;
import dev.egregora.git.GitHistory;
import dev.egregora.git.LoadOptions;
import dev.egregora.git.LoadSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code egregora git-history load|resolve|file}. */
@Command(name = "git-history", mixinStandardHelpOptions = true,
        description = "Load a git repository's history into the site's database and query it.",
        subcommands = {GitHistoryCommand.Load.class, GitHistoryCommand.Resolve.class, GitHistoryCommand.File.class})
final class GitHistoryCommand implements Runnable {
    @ParentCommand
    EgregoraCommand root;

    @Option(names = "--site", defaultValue = "site", paramLabel = "SITE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Site directory (default: ${DEFAULT-VALUE}).")
    Path site;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: load, resolve or file");
    }

    Workspace open() {
        return root.injector().getInstance(WorkspaceOpener.class).open(site);
    }

    GitHistory history() {
        return root.injector().getInstance(GitHistory.class);
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Load or update the history of REPO (all branches and tags) in one pass.")
    static final class Load implements Runnable {
        @ParentCommand
        GitHistoryCommand parent;

        @Parameters(index = "0", paramLabel = "REPO", description = "A git repository (work tree or bare).")
        Path repo;

        @Option(names = "--renames", description = "Detect renames (slower).")
        boolean renames;

        @Option(names = "--line-stats", description = "Count added/deleted lines per file change, as "
                + "'git log --numstat' does (slower).")
        boolean lineStats;

        @Option(names = "--threads", paramLabel = "N", description = "Diff threads (default: cores).")
        Integer threads;

        @Override
        public void run() {
            LoadOptions options = LoadOptions.defaults().withRenames(renames).withLineStats(lineStats);
            if (threads != null) {
                options = options.withThreads(threads);
            }
            LoadSummary summary;
            try (Workspace ws = parent.open()) {
                summary = parent.history().load(ws, repo, options);
            }
            summary.describe().forEach(parent.root.out()::println);
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Print the commit that was the head of a branch at a time.")
    static final class Resolve implements Runnable {
        @ParentCommand
        GitHistoryCommand parent;

        @Option(names = "--at", required = true, paramLabel = "TIME", description = "ISO time, e.g. 2025-10-28T14:10Z.")
        String at;

        @Option(names = "--branch", paramLabel = "NAME", description = "Branch (default: the repository's default).")
        String branch;

        @Override
        public void run() {
            Instant instant = parseTime(at);
            Optional<CommitInfo> commit;
            try (Workspace ws = parent.open()) {
                commit = parent.history().resolveAt(ws, instant, branch);
            }
            CommitInfo c = commit.orElseThrow(() -> new EgregoraException("no commit at or before " + at
                    + (branch == null ? "" : " on " + branch) + " (is the history loaded? run 'git-history load')"));
            parent.root.out().println(c.sha() + " " + c.commitTime() + " " + c.subject());
        }
    }

    @Command(name = "file", mixinStandardHelpOptions = true, description = "Print when PATH was created and last updated.")
    static final class File implements Runnable {
        @ParentCommand
        GitHistoryCommand parent;

        @Parameters(index = "0", paramLabel = "PATH", description = "Repository-relative path.")
        String path;

        @Override
        public void run() {
            Optional<FileHistory> history;
            try (Workspace ws = parent.open()) {
                history = parent.history().file(ws, path);
            }
            FileHistory h = history.orElseThrow(() -> new EgregoraException("no history for " + path
                    + " (is the history loaded? run 'git-history load')"));
            parent.root.out().printf("%s%n  created %s (%s)%n  updated %s (%s)%n  %d changes by %s%s%n", h.path(),
                    h.created(), h.createdSha(), h.updated(), h.updatedSha(), h.changes(), String.join(", ", h.authors()),
                    h.exists() ? "" : "\n  (deleted since)");
        }
    }

    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new EgregoraException("cannot read time '" + text + "' (use ISO 8601 with a zone, e.g. 2025-10-28T14:10Z)");
        }
    }
}
