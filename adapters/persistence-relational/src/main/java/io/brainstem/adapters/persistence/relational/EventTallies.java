package io.brainstem.adapters.persistence.relational;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The counts that {@code /stats}, {@code /sources} and {@code /sources/status} report, kept in {@code event_tallies}
 * as events are written, in the same transaction (ADR 33): one row per (tenant, source type, source id, source name,
 * source path, canonical host, status) with its number of events and the latest receive time among them. A write
 * collects its changes here and applies them once, just before it commits, one upsert per key in key order.
 *
 * <p>The key columns are NOT NULL (an absent value is stored as {@code ''}) so that one unique key works as the
 * conflict target of an upsert in SQLite and in PostgreSQL 13; {@code absent} holds one bit per absent value, so
 * that an absent value and an empty one stay apart.
 */
public final class EventTallies {

    public static final int NO_SOURCE_TYPE = 1;
    public static final int NO_SOURCE_ID = 2;
    public static final int NO_SOURCE_NAME = 4;
    public static final int NO_SOURCE_PATH = 8;
    public static final int NO_HOST = 16;
    /** The bits of the three optional columns that, with the tenant, name a source of {@code /sources/status}. */
    public static final int SOURCE_BITS = NO_SOURCE_TYPE | NO_SOURCE_ID | NO_SOURCE_PATH;

    private EventTallies() {
    }

    /** The bit of {@code absent} for a dimension of {@code /sources}; 0 for the tenant, which is never absent. */
    public static int absentBit(String dimension) {
        return switch (dimension) {
            case "tenant_id" -> 0;
            case "source_type" -> NO_SOURCE_TYPE;
            case "source_id" -> NO_SOURCE_ID;
            case "source_name" -> NO_SOURCE_NAME;
            case "source_path" -> NO_SOURCE_PATH;
            case "host" -> NO_HOST;
            default -> throw new IllegalArgumentException("not a source dimension: " + dimension);
        };
    }

    /** What one row of {@code event_tallies} counts; null stands for an absent value. */
    public record Key(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String host, String status) {

        private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
        /** The order in which a write locks rows: the same in every transaction, so two never wait on each other. */
        static final Comparator<Key> ORDER = Comparator.comparing(Key::tenantId)
                .thenComparing(Key::sourceType, TEXT).thenComparing(Key::sourceId, TEXT)
                .thenComparing(Key::sourceName, TEXT).thenComparing(Key::sourcePath, TEXT)
                .thenComparing(Key::host, TEXT).thenComparing(Key::status);

        public Key {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(status, "status");
        }

        int absent() {
            return (sourceType == null ? NO_SOURCE_TYPE : 0) | (sourceId == null ? NO_SOURCE_ID : 0)
                    | (sourceName == null ? NO_SOURCE_NAME : 0) | (sourcePath == null ? NO_SOURCE_PATH : 0)
                    | (host == null ? NO_HOST : 0);
        }

        Source source() {
            return new Source(tenantId, sourceType, sourceId, sourcePath);
        }
    }

    /** A source of {@code /sources/status}; null stands for an absent value. */
    public record Source(String tenantId, String sourceType, String sourceId, String sourcePath) {

        static final Comparator<Source> ORDER = Comparator.comparing(Source::tenantId)
                .thenComparing(Source::sourceType, Key.TEXT).thenComparing(Source::sourceId, Key.TEXT)
                .thenComparing(Source::sourcePath, Key.TEXT);

        /** The stored column values (absent as {@code ''}), for the statements. */
        public String sourceTypeColumn() {
            return column(sourceType);
        }

        public String sourceIdColumn() {
            return column(sourceId);
        }

        public String sourcePathColumn() {
            return column(sourcePath);
        }

        public int absent() {
            return (sourceType == null ? NO_SOURCE_TYPE : 0) | (sourceId == null ? NO_SOURCE_ID : 0)
                    | (sourcePath == null ? NO_SOURCE_PATH : 0);
        }
    }

    private static String column(String value) {
        return value == null ? "" : value;
    }

    private static String value(String column, int absent, int bit) {
        return (absent & bit) != 0 ? null : column;
    }

    /**
     * A row as stored in {@code event_tallies}, or a grouping of {@code events} into its keys: the columns as
     * stored (absent values as {@code ''}), the bits of the absent ones, the events and their latest receive time.
     */
    public record TallyRow(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String host, String status, Integer absent, Long events, Long lastReceivedAt) {

        public Key key() {
            int a = absent;
            return new Key(tenantId, value(sourceType, a, NO_SOURCE_TYPE), value(sourceId, a, NO_SOURCE_ID),
                    value(sourceName, a, NO_SOURCE_NAME), value(sourcePath, a, NO_SOURCE_PATH),
                    value(host, a, NO_HOST), status);
        }

        /** The row of an upsert, a purge or a correction of one key. */
        static TallyRow of(Key key, long events, Long lastReceivedAt) {
            return new TallyRow(key.tenantId(), column(key.sourceType()), column(key.sourceId()),
                    column(key.sourceName()), column(key.sourcePath()), column(key.host()), key.status(),
                    key.absent(), events, lastReceivedAt);
        }
    }

    /**
     * The changes of one write transaction, applied by {@link #apply} just before it commits and dropped by
     * {@link #clear} when it rolls back. Not thread-safe: owned by whoever holds the transaction.
     */
    public static final class Delta {

        /** Per key: events added (negative when removed), the latest receive time added or Long.MIN_VALUE. */
        private final Map<Key, long[]> changes = new HashMap<>();
        /** Per source retention removed events of: the latest receive time among them. */
        private final Map<Source, Long> removed = new HashMap<>();

        /** One event stored with this key, received at {@code receivedAt} (microseconds). */
        public void add(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
                String host, String status, long receivedAt) {
            change(new Key(tenantId, sourceType, sourceId, sourceName, sourcePath, host, status), 1, receivedAt);
        }

        private void change(Key key, long events, long receivedAt) {
            long[] c = changes.computeIfAbsent(key, k -> new long[] {0, Long.MIN_VALUE});
            c[0] += events;
            c[1] = Math.max(c[1], receivedAt);
        }

        /** The events of {@code rows} (groupings of {@code events}) now have their keys: they count. */
        public void added(List<TallyRow> rows) {
            for (TallyRow r : rows) {
                change(r.key(), r.events(), r.lastReceivedAt());
            }
        }

        /** The events of {@code rows} left their keys (a replay is about to change them): they no longer count. */
        public void left(List<TallyRow> rows) {
            for (TallyRow r : rows) {
                change(r.key(), -r.events(), Long.MIN_VALUE);
            }
        }

        /** Retention deleted the events of {@code rows}. */
        public void deleted(List<TallyRow> rows) {
            left(rows);
            for (TallyRow r : rows) {
                removed.merge(r.key().source(), r.lastReceivedAt(), Math::max);
            }
        }

        public boolean isEmpty() {
            return changes.isEmpty() && removed.isEmpty();
        }

        public void clear() {
            changes.clear();
            removed.clear();
        }

        /**
         * Writes the changes: one upsert per key, in key order; then drops the rows of keys left without events; then,
         * for each source retention removed events of while others remain, sets the latest receive time of its rows
         * again from {@code events} when the latest one kept may have been among those removed. Then clears.
         */
        public void apply(TallyMapper mapper) {
            try {
                List<Key> keys = new ArrayList<>(changes.keySet());
                keys.sort(Key.ORDER);
                List<Key> decreased = new ArrayList<>();
                for (Key key : keys) {
                    long[] c = changes.get(key);
                    if (c[0] == 0 && c[1] == Long.MIN_VALUE) {
                        continue;
                    }
                    mapper.add(TallyRow.of(key, c[0], c[1] == Long.MIN_VALUE ? null : c[1]));
                    if (c[0] < 0) {
                        decreased.add(key);
                    }
                }
                for (Key key : decreased) {
                    mapper.purge(TallyRow.of(key, 0, null));
                }
                List<Source> sources = new ArrayList<>(removed.keySet());
                sources.sort(Source.ORDER);
                for (Source source : sources) {
                    correctLatest(mapper, source, removed.get(source));
                }
            } finally {
                clear();
            }
        }

        /**
         * The latest receive time of a source is a maximum: adding events only raises it. Retention deletes the
         * oldest envelopes, so the latest kept is normally newer than every one deleted, and nothing changes. Only
         * when the latest stored is not newer than the latest deleted (the source's last envelopes are going, or
         * the clock stepped back) it is read again from the events kept, for this source's rows.
         */
        private static void correctLatest(TallyMapper mapper, Source source, long latestRemoved) {
            List<TallyRow> kept = mapper.ofSource(source);
            if (kept.isEmpty()) {
                return;
            }
            long latestKept = kept.stream().mapToLong(r -> r.lastReceivedAt() == null ? Long.MIN_VALUE
                    : r.lastReceivedAt()).max().orElseThrow();
            if (latestKept > latestRemoved) {
                return;
            }
            Map<Key, Long> recount = new HashMap<>();
            for (TallyRow r : mapper.recountSource(source)) {
                recount.put(r.key(), r.lastReceivedAt());
            }
            List<Key> keys = new ArrayList<>(kept.stream().map(TallyRow::key).toList());
            keys.sort(Key.ORDER);
            for (Key key : keys) {
                mapper.setLatest(TallyRow.of(key, 0, recount.get(key)));
            }
        }
    }
}
