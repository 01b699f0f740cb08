package io.brainstem.adapters.persistence.relational;

import java.util.List;

/**
 * The tables both relational stores keep, column by column as they both name and type them, in the order a copy
 * writes them (`bin/brainstem migrate`, issue 14). Events are copied in id order, so that a copy can resume after
 * the highest id it wrote; the smaller tables are copied whole and written so that rows already there stay.
 */
public final class StoreTables {

    /** A table and its columns. */
    public record Table(String name, List<String> columns) {
    }

    public static final Table EVENTS = new Table("events", List.of("id", "tenant_id", "source_type", "source_id",
            "source_name", "source_path", "message_raw", "sent_fields", "received_at", "status", "failure_reason",
            "parser_name", "parser_version", "attempts", "last_attempt_at", "timestamp", "host", "service",
            "severity", "facility", "message", "event_family", "signature_id", "structured_fields", "field_sources",
            "event_parser_name", "event_parser_version", "created_at"));

    /** The tables after events, each small enough to read whole. */
    public static final List<Table> OTHERS = List.of(
            new Table("signatures", List.of("id", "tenant_id", "template", "example", "occurrence_count",
                    "first_seen", "last_seen", "hosts", "distinct_host_count", "service", "event_family")),
            new Table("signature_aliases", List.of("alias_id", "tenant_id", "survivor_id")),
            new Table("candidates", List.of("id", "tenant_id", "candidate_type", "pattern_key", "title",
                    "score_breakdown", "score_total", "decision_band", "explanation", "evidence", "created_at",
                    "updated_at", "recollection", "suppressed")),
            new Table("incidents", List.of("id", "tenant_id", "candidate_id", "candidate_type", "title", "summary",
                    "incident_type", "signature_ids", "templates", "subject", "snapshot", "band_at_promotion",
                    "explanation_at_promotion", "sample_messages", "promoted_by", "promoted_at")),
            new Table("reviews", List.of("id", "tenant_id", "subject_type", "subject_id", "decision", "notes",
                    "reviewer", "recorded_at", "snapshot")),
            new Table("intake_cursors", List.of("cursor_key", "position")),
            new Table("alert_histories", List.of("portal", "tenant_id", "alert_id", "started_at", "raised_event_id",
                    "cleared_at", "cleared_event_id", "updated_at")),
            new Table("alert_sync_cursors", List.of("portal", "tenant_id", "resume_from", "newest_started_at",
                    "synced_at")));

    /** Where rows come from: a store read as these tables. */
    public interface Source extends AutoCloseable {

        /** Rows of {@link #EVENTS} with an id above {@code afterId}, ascending, at most {@code limit}. */
        List<Object[]> events(long afterId, int limit);

        /** Every row of one of {@link #OTHERS}. */
        List<Object[]> rows(Table table);

        long count(Table table);

        @Override
        void close();
    }

    /** Where rows go: a store written as these tables. */
    public interface Target extends AutoCloseable {

        /** The highest event id already there (0 when none): where a resumed copy starts. */
        long maxEventId();

        /** Writes events (ids above {@link #maxEventId()}) in one transaction. */
        void writeEvents(List<Object[]> rows);

        /** Writes rows of a small table; rows whose key is already there are left as they are. */
        void writeRows(Table table, List<Object[]> rows);

        long count(Table table);

        @Override
        void close();
    }

    private StoreTables() {
    }
}
