-- The message index merges its b-tree segments less eagerly: FTS5's automerge of 16 (default 4) lets up to 16
-- segments of one level accumulate before they are merged. Measured on 200,000 syslog-like messages in batches of
-- 500: indexing plus commit 5.7 -> 4.8 µs per event; searches read a few more segments (bench/README.md).
INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 16);
