-- Version 7: operational memory (ADR 19). Incidents promoted from candidates, operators' reviews, and full-text
-- search over incidents and event messages.
--
-- * `incidents` holds a promoted candidate as it was (a snapshot: retention never deletes incidents). Lists and
--   the snapshot are JSON; times are text like the other small tables. `seq` is an explicit integer key so the
--   full-text index can use it as its rowid (an implicit rowid may change on VACUUM).
-- * `incidents_fts` indexes title, summary, incident type and templates with the Porter stemmer (`flaps` finds
--   `flapping`). It stores its own copy of those columns: incidents are few, and bm25 needs the column sizes. The
--   triggers below keep it in sync; an incident is never updated.
-- * `reviews` are kept as recorded (never updated); the snapshot is JSON, or NULL for subjects other than a
--   candidate.
-- * `events_fts` indexes each canonical event's message, rowid = the event's id. It is contentless with
--   contentless_delete=1 (SQLite >= 3.43), so the message text is not stored a second time: a match is joined
--   back to `events` for its columns. Words are whole unicode61 tokens, not stemmed; an address such as
--   203.0.113.10 is the phrase "203 0 113 10". The writer adds a batch's rows in one INSERT ... SELECT from the
--   rows it has just inserted, replaces a replayed event's row and deletes the rows of expired events.
-- * candidates gain the recollection (what memory says of them, JSON) and `suppressed`, a column of its own so
--   SQL can leave suppressed candidates out.

CREATE TABLE incidents (
    seq                      INTEGER PRIMARY KEY,
    id                       TEXT NOT NULL UNIQUE,
    tenant_id                TEXT NOT NULL,
    candidate_id             TEXT NOT NULL,
    candidate_type           TEXT NOT NULL,
    title                    TEXT NOT NULL,
    summary                  TEXT NOT NULL,
    incident_type            TEXT NOT NULL,
    signature_ids            TEXT NOT NULL DEFAULT '[]',
    templates                TEXT NOT NULL DEFAULT '[]',
    subject                  TEXT,
    snapshot                 TEXT NOT NULL,
    band_at_promotion        TEXT NOT NULL,
    explanation_at_promotion TEXT NOT NULL,
    sample_messages          TEXT NOT NULL DEFAULT '[]',
    promoted_by              TEXT,
    promoted_at              TEXT NOT NULL
);
CREATE INDEX incidents_tenant_promoted ON incidents (tenant_id, promoted_at);

CREATE VIRTUAL TABLE incidents_fts USING fts5(title, summary, incident_type, templates,
    tokenize = 'porter unicode61');

CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
    INSERT INTO incidents_fts (rowid, title, summary, incident_type, templates)
    VALUES (new.seq, new.title, new.summary, new.incident_type,
            (SELECT COALESCE(group_concat(value, char(10)), '') FROM json_each(new.templates)));
END;

CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN
    DELETE FROM incidents_fts WHERE rowid = old.seq;
END;

CREATE TABLE reviews (
    id           TEXT PRIMARY KEY,
    tenant_id    TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    decision     TEXT NOT NULL,
    notes        TEXT NOT NULL,
    reviewer     TEXT,
    recorded_at  TEXT NOT NULL,
    snapshot     TEXT
);
CREATE INDEX reviews_subject ON reviews (tenant_id, subject_type, subject_id, recorded_at);
CREATE INDEX reviews_tenant ON reviews (tenant_id, recorded_at);

CREATE VIRTUAL TABLE events_fts USING fts5(body, content = '', contentless_delete = 1);

-- the message as stored may be an offset into message_raw (V5)
INSERT INTO events_fts (rowid, body)
SELECT id, CASE WHEN typeof(message) = 'integer' THEN substr(message_raw, message + 1) ELSE message END
  FROM events
 WHERE signature_id IS NOT NULL;

ALTER TABLE candidates ADD COLUMN recollection TEXT NOT NULL DEFAULT '{}';
ALTER TABLE candidates ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
