-- Version 5: compact event rows (ADR 14). SQLite's cost per inserted row follows the row's size: the pages it
-- fills, writes to the WAL and checkpoints back. A syslog row of V4 took about 550 bytes, and a third of that
-- was text that carries little: four times as 27-character strings, a field_sources JSON object (about 100
-- bytes) with a handful of distinct values, and the message, which is most often the tail of message_raw.
--
-- * Times of `events` are INTEGER microseconds since 1970-01-01T00:00:00Z (received_at, last_attempt_at,
--   timestamp, created_at). The other tables keep text times: they are small.
-- * field_sources holds the id of a row of `field_source_sets`, which holds the JSON object. Ids from 2^62 on
--   are a 62-bit hash of the JSON, computed by the writer, so writing needs no lookup; the ids below 2^62 are
--   the sets this migration numbered. The same JSON may appear under two ids; readers do not care.
-- * message is either TEXT, or an INTEGER n meaning "message_raw from its (n + 1)-th character on", which the
--   writer stores when the message is the tail of the raw message. The column has no declared type, so SQLite
--   keeps each value as given (a TEXT column would turn the integer into text).
--
-- The views `raw_envelopes` and `canonical_events` still show times as text and the message and field
-- sources in full, for people reading the file with the sqlite3 shell.

CREATE TABLE field_source_sets (
    id   INTEGER PRIMARY KEY,
    json TEXT NOT NULL
);

INSERT INTO field_source_sets (json)
SELECT DISTINCT field_sources FROM events WHERE field_sources IS NOT NULL;

CREATE INDEX field_source_sets_json ON field_source_sets (json);

DROP VIEW raw_envelopes;
DROP VIEW canonical_events;

CREATE TABLE events_v5 (
    id                     INTEGER PRIMARY KEY,
    tenant_id              TEXT    NOT NULL,
    source_type            TEXT,
    source_id              TEXT,
    source_name            TEXT,
    source_path            TEXT,
    message_raw            TEXT,
    sent_fields            TEXT    NOT NULL DEFAULT '{}',
    received_at            INTEGER NOT NULL,
    status                 TEXT    NOT NULL CHECK (status IN ('received', 'canonicalized', 'parse_failed', 'unsupported')),
    failure_reason         TEXT,
    parser_name            TEXT,
    parser_version         TEXT,
    attempts               INTEGER NOT NULL DEFAULT 0,
    last_attempt_at        INTEGER,
    -- the canonical event
    timestamp              INTEGER,
    host                   TEXT,
    service                TEXT,
    severity               TEXT,
    facility               TEXT,
    message,
    event_family           TEXT,
    signature_id           TEXT,
    structured_fields      TEXT,
    field_sources          INTEGER,
    event_parser_name      TEXT,
    event_parser_version   TEXT,
    created_at             INTEGER
);

-- V4 wrote times as uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z' (27 characters): whole seconds plus the six digits, exactly.
INSERT INTO events_v5
SELECT id, tenant_id, source_type, source_id, source_name, source_path, message_raw, sent_fields,
       unixepoch(substr(received_at, 1, 19)) * 1000000 + CAST(substr(received_at, 21, 6) AS INTEGER),
       status, failure_reason, parser_name, parser_version, attempts,
       unixepoch(substr(last_attempt_at, 1, 19)) * 1000000 + CAST(substr(last_attempt_at, 21, 6) AS INTEGER),
       unixepoch(substr(timestamp, 1, 19)) * 1000000 + CAST(substr(timestamp, 21, 6) AS INTEGER),
       host, service, severity, facility,
       CASE WHEN message IS NOT NULL AND message_raw IS NOT NULL
                 AND substr(message_raw, length(message_raw) - length(message) + 1) = message
            THEN length(message_raw) - length(message)
            ELSE message END,
       event_family, signature_id, structured_fields,
       (SELECT f.id FROM field_source_sets f WHERE f.json = events.field_sources),
       event_parser_name, event_parser_version,
       unixepoch(substr(created_at, 1, 19)) * 1000000 + CAST(substr(created_at, 21, 6) AS INTEGER)
  FROM events;

DROP INDEX field_source_sets_json;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;

CREATE INDEX events_unsettled ON events (status, id) WHERE status <> 'canonicalized';

CREATE VIEW raw_envelopes AS
SELECT id, tenant_id, source_type, source_id, source_name, source_path,
       sent_fields ->> '$.timestamp' AS timestamp, sent_fields ->> '$.host' AS host,
       sent_fields ->> '$.service' AS service, sent_fields ->> '$.severity' AS severity,
       sent_fields ->> '$.asset_id' AS asset_id, sent_fields ->> '$.facility' AS facility, message_raw,
       COALESCE(sent_fields -> '$.structured_fields', '{}') AS structured_fields,
       COALESCE(sent_fields -> '$.correlation_keys', '{}') AS correlation_keys,
       COALESCE(sent_fields -> '$.metadata', '{}') AS metadata,
       strftime('%Y-%m-%dT%H:%M:%S', received_at / 1000000 - (received_at % 1000000 < 0), 'unixepoch')
           || printf('.%06dZ', (received_at % 1000000 + 1000000) % 1000000) AS received_at,
       status, failure_reason, parser_name, parser_version, attempts,
       strftime('%Y-%m-%dT%H:%M:%S', last_attempt_at / 1000000 - (last_attempt_at % 1000000 < 0), 'unixepoch')
           || printf('.%06dZ', (last_attempt_at % 1000000 + 1000000) % 1000000) AS last_attempt_at
  FROM events;

CREATE VIEW canonical_events AS
SELECT id, tenant_id, source_type, source_id, source_path,
       strftime('%Y-%m-%dT%H:%M:%S', timestamp / 1000000 - (timestamp % 1000000 < 0), 'unixepoch')
           || printf('.%06dZ', (timestamp % 1000000 + 1000000) % 1000000) AS timestamp,
       host, service, severity, facility,
       CASE WHEN typeof(message) = 'integer' THEN substr(message_raw, message + 1) ELSE message END AS message,
       event_family, signature_id, structured_fields,
       (SELECT f.json FROM field_source_sets f WHERE f.id = events.field_sources) AS field_sources,
       event_parser_name AS parser_name, event_parser_version AS parser_version,
       strftime('%Y-%m-%dT%H:%M:%S', created_at / 1000000 - (created_at % 1000000 < 0), 'unixepoch')
           || printf('.%06dZ', (created_at % 1000000 + 1000000) % 1000000) AS created_at
  FROM events
 WHERE signature_id IS NOT NULL;
