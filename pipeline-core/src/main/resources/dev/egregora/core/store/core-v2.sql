-- Post relations and rankings: written by the write pipeline's memory and ranking stages, read by the site.

-- "Related posts": for each post, its k most related other posts, best first (rank 1 = most related).
CREATE TABLE related_posts (
    post_id     VARCHAR NOT NULL,   -- posts.id
    related_id  VARCHAR NOT NULL,   -- posts.id of the related post
    rank        INTEGER NOT NULL,   -- 1..k
    score       DOUBLE  NOT NULL,   -- similarity (cosine for embeddings, another measure for other methods)
    method      VARCHAR NOT NULL,   -- how it was computed, e.g. embeddings | tags
    PRIMARY KEY (post_id, rank)
);

-- "Top posts": one score per post; the site's home page shows the best ranked.
CREATE TABLE post_ranks (
    post_id     VARCHAR NOT NULL,   -- posts.id
    score       DOUBLE  NOT NULL,   -- higher is better; comparable within one method only
    rank        INTEGER NOT NULL,   -- 1 = best
    method      VARCHAR NOT NULL,   -- offline | elo
    PRIMARY KEY (post_id)
)
