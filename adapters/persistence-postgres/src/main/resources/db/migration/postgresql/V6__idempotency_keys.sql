-- Ingest requests sent with an Idempotency-Key (ADR 37), as SQLite's V12: saved in the transaction of their envelopes;
-- the first insert of a key wins (ON CONFLICT DO NOTHING), so two nodes racing on one key keep one receipt.
CREATE TABLE idempotency_keys (
    idem_key    TEXT NOT NULL PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    receipt     TEXT NOT NULL
);

CREATE INDEX idempotency_keys_by_time ON idempotency_keys (recorded_at);
