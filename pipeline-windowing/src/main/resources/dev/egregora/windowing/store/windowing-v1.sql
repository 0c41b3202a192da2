-- Staging rows of one windowing run: filled with DuckDB's appender, copied into `windows` with the boundary
-- message ids resolved in one INSERT ... SELECT, and emptied again in the same transaction.
CREATE TABLE windowing_stage (
    id            VARCHAR NOT NULL,
    chat_id       VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    first_pos     BIGINT  NOT NULL,
    end_pos       BIGINT  NOT NULL,
    start_us      BIGINT  NOT NULL,
    end_us        BIGINT  NOT NULL,
    message_count INTEGER NOT NULL,
    bytes         BIGINT  NOT NULL,
    signature     VARCHAR NOT NULL
)
