-- What brainstem remembers of alerts taken from a monitoring platform (ADR 25), as SQLite's V9: one row per alert
-- of a portal and tenant, and per portal and tenant where the next sync starts.
CREATE TABLE alert_histories (
    portal           TEXT   NOT NULL,
    tenant_id        TEXT   NOT NULL,
    alert_id         TEXT   NOT NULL,
    started_at       TEXT   NOT NULL,
    raised_event_id  BIGINT NOT NULL,
    cleared_at       TEXT,
    cleared_event_id BIGINT,
    updated_at       TEXT   NOT NULL,
    PRIMARY KEY (portal, tenant_id, alert_id),
    CHECK ((cleared_at IS NULL) = (cleared_event_id IS NULL))
);

CREATE TABLE alert_sync_cursors (
    portal            TEXT NOT NULL,
    tenant_id         TEXT NOT NULL,
    resume_from       TEXT NOT NULL,
    newest_started_at TEXT NOT NULL,
    synced_at         TEXT NOT NULL,
    PRIMARY KEY (portal, tenant_id)
);
