-- brainstem schema, version 1. Times are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (sortable, readable).
-- JSON columns hold objects written by the adapter's Jackson mapper.

CREATE TABLE raw_envelopes (
    id                INTEGER PRIMARY KEY,
    tenant_id         TEXT    NOT NULL,
    source_type       TEXT,
    source_id         TEXT,
    source_name       TEXT,
    source_path       TEXT,
    timestamp         TEXT,
    host              TEXT,
    service           TEXT,
    severity          TEXT,
    asset_id          TEXT,
    facility          TEXT,
    message_raw       TEXT,
    structured_fields TEXT    NOT NULL DEFAULT '{}',
    correlation_keys  TEXT    NOT NULL DEFAULT '{}',
    metadata          TEXT    NOT NULL DEFAULT '{}',
    received_at       TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('received', 'canonicalized', 'parse_failed', 'unsupported')),
    failure_reason    TEXT,
    parser_name       TEXT,
    parser_version    TEXT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_attempt_at   TEXT
);
CREATE INDEX raw_envelopes_status ON raw_envelopes (status, id);
CREATE INDEX raw_envelopes_tenant ON raw_envelopes (tenant_id, id);
CREATE INDEX raw_envelopes_source ON raw_envelopes (source_type, source_id, source_path);

CREATE TABLE canonical_events (
    id                INTEGER PRIMARY KEY REFERENCES raw_envelopes (id),
    tenant_id         TEXT    NOT NULL,
    source_type       TEXT,
    source_id         TEXT,
    source_path       TEXT,
    timestamp         TEXT    NOT NULL,
    host              TEXT,
    service           TEXT,
    severity          TEXT    NOT NULL,
    facility          TEXT,
    message           TEXT    NOT NULL,
    event_family      TEXT    NOT NULL,
    signature_id      TEXT    NOT NULL,
    structured_fields TEXT    NOT NULL DEFAULT '{}',
    field_sources     TEXT    NOT NULL DEFAULT '{}',
    parser_name       TEXT    NOT NULL,
    parser_version    TEXT    NOT NULL,
    created_at        TEXT    NOT NULL
);
CREATE INDEX canonical_events_tenant ON canonical_events (tenant_id, id);
CREATE INDEX canonical_events_host ON canonical_events (host, id);
CREATE INDEX canonical_events_service ON canonical_events (service, id);
CREATE INDEX canonical_events_severity ON canonical_events (severity, id);
CREATE INDEX canonical_events_signature ON canonical_events (signature_id, id);

CREATE TABLE signatures (
    id                  TEXT    PRIMARY KEY,
    tenant_id           TEXT    NOT NULL,
    template            TEXT    NOT NULL,
    example             TEXT    NOT NULL,
    occurrence_count    INTEGER NOT NULL,
    first_seen          TEXT    NOT NULL,
    last_seen           TEXT    NOT NULL,
    hosts               TEXT    NOT NULL DEFAULT '[]',
    distinct_host_count INTEGER NOT NULL,
    service             TEXT,
    event_family        TEXT    NOT NULL
);
CREATE INDEX signatures_tenant_seen ON signatures (tenant_id, last_seen);
CREATE INDEX signatures_count ON signatures (occurrence_count);
CREATE INDEX signatures_family ON signatures (event_family, occurrence_count);

CREATE TABLE candidates (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    candidate_type  TEXT NOT NULL,
    pattern_key     TEXT NOT NULL,
    title           TEXT NOT NULL,
    score_breakdown TEXT NOT NULL,
    score_total     REAL NOT NULL,
    decision_band   TEXT NOT NULL,
    explanation     TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX candidates_tenant_score ON candidates (tenant_id, score_total);
CREATE INDEX candidates_score ON candidates (score_total);
