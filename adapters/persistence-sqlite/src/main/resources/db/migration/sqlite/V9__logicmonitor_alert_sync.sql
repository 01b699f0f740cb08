-- Version 9: what brainstem remembers of alerts taken from a monitoring platform (ADR 25).
-- One row per alert of a portal and tenant: the event that raised it and, once cleared, the event of its recovery.
-- Times are RFC 3339 text in UTC with microseconds (SqlTimes), event ids are envelope ids of `events`.
CREATE TABLE alert_histories (
    portal           TEXT    NOT NULL,
    tenant_id        TEXT    NOT NULL,
    alert_id         TEXT    NOT NULL,
    started_at       TEXT    NOT NULL,
    raised_event_id  INTEGER NOT NULL,
    cleared_at       TEXT,
    cleared_event_id INTEGER,
    updated_at       TEXT    NOT NULL,
    PRIMARY KEY (portal, tenant_id, alert_id),
    CHECK ((cleared_at IS NULL) = (cleared_event_id IS NULL))
) WITHOUT ROWID;

-- Where the next sync of a portal and tenant starts: alert start times from resume_from on.
CREATE TABLE alert_sync_cursors (
    portal            TEXT NOT NULL,
    tenant_id         TEXT NOT NULL,
    resume_from       TEXT NOT NULL,
    newest_started_at TEXT NOT NULL,
    synced_at         TEXT NOT NULL,
    PRIMARY KEY (portal, tenant_id)
) WITHOUT ROWID;
