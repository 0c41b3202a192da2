-- The shared data contract between modules (see docs/schema.md). Modules meet only through these tables and
-- core's ports. Module-private tables (git history, build manifest, caches) are migrations of their own modules.

-- Authors: real names live only here (private); everything published uses the pseudonym.
CREATE TABLE authors (
    id          VARCHAR NOT NULL,   -- UUIDv5(Ids.AUTHOR_NAMESPACE, normalised display name)
    chat_id     VARCHAR NOT NULL,
    pseudonym   VARCHAR NOT NULL,   -- generated, deterministic from id
    real_name   VARCHAR NOT NULL,   -- PRIVATE: never rendered unless the user opts in explicitly
    alias       VARCHAR,            -- set by the author with "/egregora set alias NAME"
    opted_out   BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (id)
);

-- Media files copied out of an export, stored once under a content-hash name.
CREATE TABLE media (
    id          VARCHAR NOT NULL,   -- sha-256 hex of the bytes as stored (after EXIF stripping)
    file_name   VARCHAR NOT NULL,   -- name in the export (may contain the phone's naming scheme, not a person)
    rel_path    VARCHAR NOT NULL,   -- path relative to the site dir, e.g. media/3f/3f9a...e1.jpg
    mime        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,   -- image | video | audio | document | other
    bytes       BIGINT  NOT NULL,
    PRIMARY KEY (id)
);

-- Messages of every ingested chat, in UTC. No PRIMARY KEY index (bulk loads stay fast); ids are unique by
-- construction and ingest dedups with one anti-join.
CREATE TABLE messages (
    id          VARCHAR   NOT NULL, -- stable: hash of chat, wall-clock time, author, text and occurrence
    chat_id     VARCHAR   NOT NULL,
    ts          TIMESTAMP NOT NULL, -- UTC instant
    seq         BIGINT    NOT NULL, -- order within the export, breaks ties of ts
    author_id   VARCHAR,            -- NULL for system messages
    kind        VARCHAR   NOT NULL, -- user | system | command
    text        VARCHAR   NOT NULL, -- normalised; phone numbers and e-mails masked unless the user opts out
    text_bytes  INTEGER   NOT NULL, -- UTF-8 byte length of text
    media_id    VARCHAR,            -- media.id of the attachment, if any
    media_name  VARCHAR,            -- attachment name as written in the chat (also when the file is absent)
    edited      BOOLEAN   NOT NULL DEFAULT false,
    deleted     BOOLEAN   NOT NULL DEFAULT false,
    source_line BIGINT    NOT NULL  -- 1-based line in the chat file where the message starts
);

-- Windows: ranges of the (ts, seq)-ordered user messages of a chat; recomputed on every run.
CREATE TABLE windows (
    id            VARCHAR   NOT NULL,  -- chat_id + ":" + idx
    chat_id       VARCHAR   NOT NULL,
    idx           INTEGER   NOT NULL,
    first_pos     BIGINT    NOT NULL,  -- position (0-based, inclusive) in the chat's ordered message list
    end_pos       BIGINT    NOT NULL,  -- exclusive
    first_message VARCHAR   NOT NULL,
    last_message  VARCHAR   NOT NULL,
    start_ts      TIMESTAMP NOT NULL,
    end_ts        TIMESTAMP NOT NULL,
    message_count INTEGER   NOT NULL,
    bytes         BIGINT    NOT NULL,
    signature     VARCHAR   NOT NULL,  -- content + writer settings; see docs/schema.md
    PRIMARY KEY (id)
);

-- Posts: the site generator's only input besides profiles and media.
CREATE TABLE posts (
    id          VARCHAR   NOT NULL,    -- = windows.id of the window it was written from
    slug        VARCHAR   NOT NULL,    -- unique, stable across re-runs
    signature   VARCHAR   NOT NULL,
    title       VARCHAR   NOT NULL,
    summary     VARCHAR   NOT NULL,
    date        TIMESTAMP NOT NULL,    -- window start (UTC)
    end_date    TIMESTAMP NOT NULL,
    tags        VARCHAR[] NOT NULL,
    author_ids  VARCHAR[] NOT NULL,
    media_ids   VARCHAR[] NOT NULL,
    language    VARCHAR   NOT NULL,
    body_md     VARCHAR   NOT NULL,    -- Markdown; pseudonyms only
    writer      VARCHAR   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (slug)
);

CREATE TABLE profiles (
    author_id     VARCHAR   NOT NULL,
    pseudonym     VARCHAR   NOT NULL,
    message_count BIGINT    NOT NULL,
    first_ts      TIMESTAMP NOT NULL,
    last_ts       TIMESTAMP NOT NULL,
    hours         INTEGER[] NOT NULL,  -- 24 counts, UTC hour of day
    top_words     VARCHAR[] NOT NULL,
    top_emoji     VARCHAR[] NOT NULL,
    post_ids      VARCHAR[] NOT NULL,
    body_md       VARCHAR   NOT NULL,
    PRIMARY KEY (author_id)
);

-- Run journal.
CREATE TABLE runs (
    id          VARCHAR   NOT NULL,
    command     VARCHAR   NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR   NOT NULL,    -- running | ok | failed
    summary     VARCHAR,
    PRIMARY KEY (id)
);

CREATE TABLE window_journal (
    window_id   VARCHAR   NOT NULL,
    signature   VARCHAR   NOT NULL,
    status      VARCHAR   NOT NULL,    -- done | failed
    run_id      VARCHAR   NOT NULL,
    attempts    INTEGER   NOT NULL,
    error       VARCHAR,
    tokens_in   BIGINT    NOT NULL DEFAULT 0,
    tokens_out  BIGINT    NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (window_id)
)
