-- Version 11: the message index in partitions by receipt day (ADR 34).
--
-- * `events_fts_parts` lists the partitions of the message index, one FTS5 table each. A partition holds the
--   messages of the canonical events with ids from its `first_id` up to the next partition's `first_id`; the
--   writer opens a new one, named events_fts_p<first_id>, with the first batch received on a later UTC day
--   (`day`, days since 1970-01-01) than the newest partition's, so partitions never overlap and their ids ascend.
--   `min_ts` and `max_ts` bound the event timestamps the partition holds, widened to whole hours (NULL: not
--   known, never pruned); searches with since/until skip the partitions outside them. `kind` says how a row is
--   replaced: 'contentless_delete' (by rowid) or 'contentless' (the FTS5 'delete' command with the old text).
-- * Retention no longer deletes index rows: a match whose event is gone finds no row to join and is left out.
--   A partition is dropped whole once every id below the next partition's first_id is deleted.
-- * `events_id_floor` remembers the highest id retention has deleted, so that ids are never handed out again
--   (an index row may outlive its event until its partition is dropped).
-- * The existing `events_fts` (contentless_delete, V7) becomes the first partition as it is, from id 0, with the
--   receipt day of the newest event and unknown timestamp bounds: nothing is copied.

CREATE TABLE events_fts_parts (
    name     TEXT PRIMARY KEY,
    first_id INTEGER NOT NULL UNIQUE,
    day      INTEGER NOT NULL,
    min_ts   INTEGER,
    max_ts   INTEGER,
    kind     TEXT NOT NULL
);

INSERT INTO events_fts_parts (name, first_id, day, min_ts, max_ts, kind)
VALUES ('events_fts', 0, COALESCE((SELECT received_at FROM events ORDER BY id DESC LIMIT 1) / 86400000000, 0),
        NULL, NULL, 'contentless_delete');

CREATE TABLE events_id_floor (id INTEGER NOT NULL);
INSERT INTO events_id_floor (id) VALUES (0);
