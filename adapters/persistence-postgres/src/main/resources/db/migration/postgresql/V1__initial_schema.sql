-- brainstem on PostgreSQL (ADR 27). One row per envelope and its canonical event, as in SQLite (ADR 12): the
-- envelope is inserted once, at commit, with its outcome and event. Times of events are microseconds since the
-- epoch (BIGINT), those of the small tables fixed-width UTC text: the rows both stores share
-- (adapters/persistence-rows) read and write them so.

CREATE SEQUENCE events_id_seq AS BIGINT;

CREATE TABLE events (
    id                   BIGINT PRIMARY KEY,
    tenant_id            TEXT   NOT NULL,
    source_type          TEXT,
    source_id            TEXT,
    source_name          TEXT,
    source_path          TEXT,
    message_raw          TEXT,
    sent_fields          TEXT   NOT NULL DEFAULT '{}',
    received_at          BIGINT NOT NULL,
    status               TEXT   NOT NULL CHECK (status IN ('received', 'canonicalized', 'parse_failed', 'unsupported')),
    failure_reason       TEXT,
    parser_name          TEXT,
    parser_version       TEXT,
    attempts             INTEGER NOT NULL DEFAULT 0,
    last_attempt_at      BIGINT,
    -- the canonical event, when there is one
    timestamp            BIGINT,
    host                 TEXT,
    service              TEXT,
    severity             TEXT,
    facility             TEXT,
    message              TEXT,
    event_family         TEXT,
    signature_id         TEXT,
    structured_fields    TEXT,
    field_sources        TEXT,
    event_parser_name    TEXT,
    event_parser_version TEXT,
    created_at           BIGINT
);

-- what replay and /failures look for; everything else is found newest first by id
CREATE INDEX events_unsettled ON events (status, id) WHERE status <> 'canonicalized';
-- the inspection filters that narrow a listing (ADR 27 measures each)
CREATE INDEX events_tenant_id ON events (tenant_id, id);
CREATE INDEX events_signature_id ON events (signature_id, id) WHERE signature_id IS NOT NULL;
CREATE INDEX events_host_id ON events (host, id) WHERE host IS NOT NULL;
-- full text over messages (/events/search): every word a phrase of 'simple' tokens
CREATE INDEX events_message_fts ON events USING gin (to_tsvector('simple', message))
    WHERE signature_id IS NOT NULL;

CREATE TABLE signatures (
    id                  TEXT    PRIMARY KEY,
    tenant_id           TEXT    NOT NULL,
    template            TEXT    NOT NULL,
    example             TEXT    NOT NULL,
    occurrence_count    BIGINT  NOT NULL,
    first_seen          TEXT    NOT NULL,
    last_seen           TEXT    NOT NULL,
    hosts               TEXT    NOT NULL DEFAULT '[]',
    distinct_host_count BIGINT  NOT NULL,
    service             TEXT,
    event_family        TEXT    NOT NULL
);
CREATE INDEX signatures_tenant_seen ON signatures (tenant_id, last_seen);
CREATE INDEX signatures_count ON signatures (occurrence_count);

CREATE TABLE signature_aliases (
    alias_id    TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    survivor_id TEXT NOT NULL
);
CREATE INDEX signature_aliases_survivor ON signature_aliases (survivor_id);

CREATE TABLE candidates (
    id              TEXT             PRIMARY KEY,
    tenant_id       TEXT             NOT NULL,
    candidate_type  TEXT             NOT NULL,
    pattern_key     TEXT             NOT NULL,
    title           TEXT             NOT NULL,
    score_breakdown TEXT             NOT NULL,
    score_total     DOUBLE PRECISION NOT NULL,
    decision_band   TEXT             NOT NULL,
    explanation     TEXT             NOT NULL,
    evidence        JSONB            NOT NULL,
    created_at      TEXT             NOT NULL,
    updated_at      TEXT             NOT NULL,
    recollection    TEXT             NOT NULL DEFAULT '{}',
    suppressed      INTEGER          NOT NULL DEFAULT 0
);
CREATE INDEX candidates_tenant_score ON candidates (tenant_id, score_total DESC, id);

CREATE TABLE incidents (
    seq                      BIGSERIAL PRIMARY KEY,
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
    promoted_at              TEXT NOT NULL,
    -- stemmed English words; a title word weighs more than one of the summary, type or templates
    search                   TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', summary), 'B')
        || setweight(to_tsvector('english', incident_type), 'B')
        || setweight(to_tsvector('english', templates), 'C')) STORED
);
CREATE INDEX incidents_tenant_promoted ON incidents (tenant_id, promoted_at);
CREATE INDEX incidents_search ON incidents USING gin (search);

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

CREATE TABLE intake_cursors (
    cursor_key TEXT   PRIMARY KEY,
    position   BIGINT NOT NULL
);
