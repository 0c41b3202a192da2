-- "Continues": the earlier post a post follows up on, written by the write pipeline's `sequels` stage once
-- `related_posts` is final, read by the site ("Continues: <title>" on the post page). A row is kept while the post is
-- unchanged (same signature) and both posts exist, so re-runs do not move it.
CREATE TABLE post_continues (
    post_id      VARCHAR PRIMARY KEY, -- posts.id
    continues_id VARCHAR NOT NULL,    -- posts.id of the highest-ranked related post dated before it
    signature    VARCHAR NOT NULL     -- posts.signature when the reference was chosen
)
