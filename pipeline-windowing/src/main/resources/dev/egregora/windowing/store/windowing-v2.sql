-- The boundary messages' rowids (read with the columns in the same run), so the copy into `windows` resolves
-- first/last message ids with two rowid joins instead of numbering every message again.
ALTER TABLE windowing_stage ADD COLUMN first_row BIGINT;
ALTER TABLE windowing_stage ADD COLUMN last_row BIGINT;
