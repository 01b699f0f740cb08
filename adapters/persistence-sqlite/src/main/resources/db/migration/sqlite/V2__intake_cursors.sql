-- Version 2: where file intake stands per source (path + inode), saved with the envelopes it covers.
CREATE TABLE intake_cursors (
    cursor_key TEXT    PRIMARY KEY,
    position   INTEGER NOT NULL CHECK (position >= 0)
);
