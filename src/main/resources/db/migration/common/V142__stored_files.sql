-- Files kept in the database (playerdesk.files.store=database): one row per file of an area
-- (files, kb-images), and its content in rows of at most 1 MiB, so that neither the application
-- nor the driver ever holds a whole file. A file is written in one transaction: its row, its
-- chunks, then its size and SHA-256.
CREATE TABLE stored_file (
    area        VARCHAR(40)              NOT NULL,
    storage_key VARCHAR(200)             NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (area, storage_key)
);

CREATE TABLE stored_file_chunk (
    area        VARCHAR(40)  NOT NULL,
    storage_key VARCHAR(200) NOT NULL,
    chunk       INTEGER      NOT NULL,
    content     BYTEA        NOT NULL,
    PRIMARY KEY (area, storage_key, chunk),
    FOREIGN KEY (area, storage_key) REFERENCES stored_file (area, storage_key) ON DELETE CASCADE
);
