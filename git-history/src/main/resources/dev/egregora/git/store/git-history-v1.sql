-- The git-history module's tables (module "git-history", version 1). One row per loaded repository in git_repos
-- and every other table keyed by its repo_id. No PRIMARY KEY on the two big tables: bulk appends stay fast and
-- rows are unique by construction (the loader only appends commits it has not loaded before).

CREATE TABLE git_repos (
    id             INTEGER   NOT NULL,
    path           VARCHAR   NOT NULL,   -- canonical absolute path of the work tree, or of the bare repository
    git_dir        VARCHAR   NOT NULL,
    bare           BOOLEAN   NOT NULL,
    default_branch VARCHAR,              -- short name of the branch HEAD points to, NULL when HEAD is detached
    head_sha       VARCHAR,              -- commit HEAD resolved to at load time, NULL in an empty repository
    remote_url     VARCHAR,              -- remote.origin.url (or the first remote's url), NULL without remotes
    shallow        BOOLEAN   NOT NULL,   -- a shallow clone: history before the shallow commits is missing
    commit_count   BIGINT    NOT NULL,
    change_count   BIGINT    NOT NULL,
    renames        BOOLEAN   NOT NULL,   -- rename detection was on for the loaded file changes
    loaded_at      TIMESTAMP NOT NULL,   -- UTC
    PRIMARY KEY (id),
    UNIQUE (path)
);

-- Every commit reachable from any ref (branches, tags, remotes, HEAD). Times are UTC instants, the zone offsets
-- (minutes east of UTC) as recorded in the commit.
CREATE TABLE git_commits (
    repo_id         INTEGER   NOT NULL,
    sha             VARCHAR   NOT NULL,   -- 40 lowercase hex
    parents         VARCHAR[] NOT NULL,   -- in order; first parent first; empty for roots and shallow commits
    author_name     VARCHAR   NOT NULL,
    author_email    VARCHAR   NOT NULL,
    author_time     TIMESTAMP NOT NULL,
    author_tz       INTEGER   NOT NULL,
    committer_name  VARCHAR   NOT NULL,
    committer_email VARCHAR   NOT NULL,
    committer_time  TIMESTAMP NOT NULL,
    committer_tz    INTEGER   NOT NULL,
    subject         VARCHAR   NOT NULL,   -- first paragraph of the message, on one line (as git's %s)
    message         VARCHAR   NOT NULL    -- the full message
);

-- Files changed by each commit against its first parent (merges too), or against the empty tree for roots.
CREATE TABLE git_file_changes (
    repo_id       INTEGER NOT NULL,
    sha           VARCHAR NOT NULL,
    path          VARCHAR NOT NULL,      -- the path after the change (the deleted path for D)
    old_path      VARCHAR,               -- source path for R and C, NULL otherwise
    change_type   VARCHAR NOT NULL,      -- A added, M modified, D deleted, T type changed, R renamed, C copied
    is_binary     BOOLEAN NOT NULL,      -- a NUL byte in the first 8000 bytes, as git decides
    lines_added   INTEGER,               -- reserved for optional line stats, NULL when not computed
    lines_deleted INTEGER
);

CREATE TABLE git_refs (
    repo_id   INTEGER NOT NULL,
    name      VARCHAR NOT NULL,          -- full name, e.g. refs/heads/main, refs/tags/v1.0, HEAD
    sha       VARCHAR NOT NULL,          -- the commit it points to (annotated tags peeled)
    is_tag    BOOLEAN NOT NULL,
    is_remote BOOLEAN NOT NULL,
    PRIMARY KEY (repo_id, name)
)
