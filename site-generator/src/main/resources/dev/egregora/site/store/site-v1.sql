-- site-generator's private tables.
-- Search terms per post, derived from the body and cached by the post's content hash.
CREATE TABLE site_search_terms (
    post_id      VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    terms        VARCHAR NOT NULL
)
