-- Version 3: fewer indexes on the two tables every event writes. Each index is one more B-tree insert per
-- event; these four served only rare filters, which now scan newest-first from the primary key (the
-- listing endpoints stop at `limit` matches) or use a more selective index (host, service, signature).
DROP INDEX IF EXISTS raw_envelopes_tenant;
DROP INDEX IF EXISTS raw_envelopes_source;
DROP INDEX IF EXISTS canonical_events_tenant;
DROP INDEX IF EXISTS canonical_events_severity;
-- Measured (bench/README.md): each secondary index on canonical_events costs about as much as the row
-- itself. Signature drill-down (/canonical_events?signature_id=) walks the primary key instead.
DROP INDEX IF EXISTS canonical_events_signature;
