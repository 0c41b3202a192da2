-- Message id hashes as a fixed-width column, so windowing loads its columns without reading any string.

-- The first 63 bits of the id's MurmurHash3 (ingest ids are 32 hex digits: the hash of chat, time, author and
-- text), written by ingest; NULL for rows inserted by other means (readers then hash the id themselves).
ALTER TABLE messages ADD COLUMN id_hash BIGINT;

-- Existing workspaces: the same value, from the id.
UPDATE messages SET id_hash = (try_cast('0x' || left(id, 16) AS UBIGINT) >> 1)::BIGINT WHERE strlen(id) = 32;
