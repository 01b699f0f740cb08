-- Version 12: ingest requests sent with an Idempotency-Key (ADR 37), saved in the transaction of their envelopes so
-- that a repeat is answered from the first result. The receipt is JSON of ids and counts; rows older than a day are
-- deleted by later keyed requests. Times are RFC 3339 text in UTC with microseconds (SqlTimes).
CREATE TABLE idempotency_keys (
    idem_key    TEXT NOT NULL PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    receipt     TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX idempotency_keys_by_time ON idempotency_keys (recorded_at);
