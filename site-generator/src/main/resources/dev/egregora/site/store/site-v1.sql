-- site-generator's private tables.
-- Build manifest: for every file the generator wrote under an output dir, the fingerprint of all its inputs.
CREATE TABLE site_manifest (
    output  VARCHAR NOT NULL,   -- absolute output dir the row belongs to
    path    VARCHAR NOT NULL,   -- path relative to it, '/'-separated
    hash    VARCHAR NOT NULL    -- fingerprint of every input of the file
);
-- Search terms per post, derived from the body and cached by the post's content hash.
CREATE TABLE site_search_terms (
    post_id      VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    terms        VARCHAR NOT NULL
)
