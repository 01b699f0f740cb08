-- Version 4: one row per event (ADR 12). An envelope and the canonical event made from it share one row of
-- `events`: every event used to write two rows plus their index entries, and SQLite's B-tree work, not
-- parsing or mining, bounded intake (bench/README.md). The envelope's columns come first; the canonical
-- columns stay NULL until the envelope is canonicalized (signature_id IS NOT NULL marks an event). The optional
-- fields a sender may set on an envelope share one JSON column, `sent_fields` ('{}' when none, as from syslog),
-- so the raw envelope is kept as received at the cost of one bound parameter instead of nine.
--
-- Secondary indexes on host, service and so on are replaced by block summaries (`event_blocks`): per block of
-- 1024 consecutive ids, the set of filterable values that occur in it. A filtered listing reads only the
-- blocks whose summary holds the value. Random-key index inserts cost a page write per event; a summary
-- costs one row per block.

CREATE TABLE events (
    id                     INTEGER PRIMARY KEY,
    tenant_id              TEXT    NOT NULL,
    source_type            TEXT,
    source_id              TEXT,
    source_name            TEXT,
    source_path            TEXT,
    message_raw            TEXT,
    sent_fields            TEXT    NOT NULL DEFAULT '{}',
    received_at            TEXT    NOT NULL,
    status                 TEXT    NOT NULL CHECK (status IN ('received', 'canonicalized', 'parse_failed', 'unsupported')),
    failure_reason         TEXT,
    parser_name            TEXT,
    parser_version         TEXT,
    attempts               INTEGER NOT NULL DEFAULT 0,
    last_attempt_at        TEXT,
    -- the canonical event
    timestamp              TEXT,
    host                   TEXT,
    service                TEXT,
    severity               TEXT,
    facility               TEXT,
    message                TEXT,
    event_family           TEXT,
    signature_id           TEXT,
    structured_fields      TEXT,
    field_sources          TEXT,
    event_parser_name      TEXT,
    event_parser_version   TEXT,
    created_at             TEXT
);

INSERT INTO events
SELECT r.id, r.tenant_id, r.source_type, r.source_id, r.source_name, r.source_path, r.message_raw,
       json_object('timestamp', r.timestamp, 'host', r.host, 'service', r.service, 'severity', r.severity,
                   'asset_id', r.asset_id, 'facility', r.facility, 'structured_fields', json(r.structured_fields),
                   'correlation_keys', json(r.correlation_keys), 'metadata', json(r.metadata)),
       r.received_at, r.status, r.failure_reason, r.parser_name, r.parser_version, r.attempts, r.last_attempt_at,
       c.timestamp, c.host, c.service, c.severity, c.facility, c.message, c.event_family, c.signature_id,
       c.structured_fields, c.field_sources, c.parser_name, c.parser_version, c.created_at
  FROM raw_envelopes r LEFT JOIN canonical_events c ON c.id = r.id;

DROP TABLE canonical_events;
DROP TABLE raw_envelopes;

-- Only envelopes that still need attention are indexed by status: a handful, next to millions of
-- canonicalized ones. Queries repeat the condition (`status <> 'canonicalized'`) so SQLite picks it.
CREATE INDEX events_unsettled ON events (status, id) WHERE status <> 'canonicalized';

-- Block b covers ids [b * 1024, b * 1024 + 1023]. `keys` is the sorted set of 64-bit keys (dimension << 32 |
-- the value's 32-bit hash) of the values in the block, 8 bytes each, big-endian; a hash collision only makes
-- a query read one block more. `generation` grows with every write, so readers refresh only what changed.
CREATE TABLE event_blocks (
    block      INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL,
    keys       BLOB    NOT NULL
);
CREATE INDEX event_blocks_generation ON event_blocks (generation);

-- Blocks whose summary must be (re)built from their rows, which the adapter does when it opens the file.
CREATE TABLE event_blocks_pending (block INTEGER PRIMARY KEY);
INSERT INTO event_blocks_pending SELECT DISTINCT id >> 10 FROM events;

-- The old tables as views, for people reading the file with the sqlite3 shell.
CREATE VIEW raw_envelopes AS
SELECT id, tenant_id, source_type, source_id, source_name, source_path,
       sent_fields ->> '$.timestamp' AS timestamp, sent_fields ->> '$.host' AS host,
       sent_fields ->> '$.service' AS service, sent_fields ->> '$.severity' AS severity,
       sent_fields ->> '$.asset_id' AS asset_id, sent_fields ->> '$.facility' AS facility, message_raw,
       COALESCE(sent_fields -> '$.structured_fields', '{}') AS structured_fields,
       COALESCE(sent_fields -> '$.correlation_keys', '{}') AS correlation_keys,
       COALESCE(sent_fields -> '$.metadata', '{}') AS metadata, received_at, status, failure_reason, parser_name,
       parser_version, attempts, last_attempt_at
  FROM events;

CREATE VIEW canonical_events AS
SELECT id, tenant_id, source_type, source_id, source_path, timestamp, host, service, severity, facility, message,
       event_family, signature_id, structured_fields, field_sources, event_parser_name AS parser_name,
       event_parser_version AS parser_version, created_at
  FROM events
 WHERE signature_id IS NOT NULL;
