package io.brainstem.adapters.persistence.relational;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The counts that {@code /stats}, {@code /sources} and {@code /sources/status} report, kept as events are written, in
 * the same transaction (ADR 33):
 * <ul>
 * <li>{@code event_tallies}: one row per (tenant, source type, source id, source name, source path, status) with its
 * number of events and the latest receive time among them;
 * <li>{@code host_tallies}: one row per (tenant, canonical host) with its number of events.
 * </ul>
 * The host has a table of its own because a batch of syslog holds many hosts but few sources: counting the two
 * together would cost one upsert per (source, host) pair of a batch. A write collects its changes here and applies
 * them once, just before it commits, one upsert per key in key order.
 *
 * <p>The key columns are NOT NULL (an absent value is stored as {@code ''}) so that one unique key works as the
 * conflict target of an upsert in SQLite and in PostgreSQL 13; {@code absent} holds one bit per absent value, so
 * that an absent value and an empty one stay apart. Events without a canonical host are not in {@code host_tallies}.
 */
public final class EventTallies {

    public static final int NO_SOURCE_TYPE = 1;
    public static final int NO_SOURCE_ID = 2;
    public static final int NO_SOURCE_NAME = 4;
    public static final int NO_SOURCE_PATH = 8;
    /** Only in groupings of {@code events}: the row has no canonical host. */
    public static final int NO_HOST = 16;

    private EventTallies() {
    }

    /** The bit of {@code absent} for a dimension of {@code /sources} counted in {@code event_tallies}; 0 for the tenant. */
    public static int absentBit(String dimension) {
        return switch (dimension) {
            case "tenant_id" -> 0;
            case "source_type" -> NO_SOURCE_TYPE;
            case "source_id" -> NO_SOURCE_ID;
            case "source_name" -> NO_SOURCE_NAME;
            case "source_path" -> NO_SOURCE_PATH;
            default -> throw new IllegalArgumentException("not a dimension of event_tallies: " + dimension);
        };
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** What one row of {@code event_tallies} counts; null stands for an absent value. */
    public record Key(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String status) {

        /** The order in which a write locks rows: the same in every transaction, so two never wait on each other. */
        static final Comparator<Key> ORDER = Comparator.comparing(Key::tenantId)
                .thenComparing(Key::sourceType, TEXT).thenComparing(Key::sourceId, TEXT)
                .thenComparing(Key::sourceName, TEXT).thenComparing(Key::sourcePath, TEXT)
                .thenComparing(Key::status);

        public Key {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(status, "status");
        }

        int absent() {
            return (sourceType == null ? NO_SOURCE_TYPE : 0) | (sourceId == null ? NO_SOURCE_ID : 0)
                    | (sourceName == null ? NO_SOURCE_NAME : 0) | (sourcePath == null ? NO_SOURCE_PATH : 0);
        }

        Source source() {
            return new Source(tenantId, sourceType, sourceId, sourcePath);
        }
    }

    /** What one row of {@code host_tallies} counts. */
    public record HostKey(String tenantId, String host) {
        static final Comparator<HostKey> ORDER = Comparator.comparing(HostKey::tenantId)
                .thenComparing(HostKey::host);
    }

    /** A row of {@code host_tallies}, or a change to one. */
    public record HostRow(String tenantId, String host, Long events) {
    }

    /** A source of {@code /sources/status}; null stands for an absent value. */
    public record Source(String tenantId, String sourceType, String sourceId, String sourcePath) {

        static final Comparator<Source> ORDER = Comparator.comparing(Source::tenantId)
                .thenComparing(Source::sourceType, TEXT).thenComparing(Source::sourceId, TEXT)
                .thenComparing(Source::sourcePath, TEXT);

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
     * A row of {@code event_tallies} ({@code host} then unused), or a grouping of {@code events} by source, status
     * and host: the columns as stored (absent values as {@code ''}), the bits of the absent ones, the events and
     * their latest receive time.
     */
    public record TallyRow(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
            String host, String status, Integer absent, Long events, Long lastReceivedAt) {

        public Key key() {
            int a = absent;
            return new Key(tenantId, value(sourceType, a, NO_SOURCE_TYPE), value(sourceId, a, NO_SOURCE_ID),
                    value(sourceName, a, NO_SOURCE_NAME), value(sourcePath, a, NO_SOURCE_PATH), status);
        }

        /** The host row a grouping of events counts in, or null when the events have no canonical host. */
        HostKey hostKey() {
            return (absent & NO_HOST) != 0 ? null : new HostKey(tenantId, host);
        }

        /** The row of an upsert, a purge or a correction of one key. */
        static TallyRow of(Key key, long events, Long lastReceivedAt) {
            return new TallyRow(key.tenantId(), column(key.sourceType()), column(key.sourceId()),
                    column(key.sourceName()), column(key.sourcePath()), "", key.status(), key.absent(), events,
                    lastReceivedAt);
        }
    }

    /** How a store sends the upserts of one transaction, in the order given. */
    public interface Upserts {
        void tallies(List<TallyRow> rows);

        void hosts(List<HostRow> rows);
    }

    /**
     * The changes of one write transaction, applied by {@link #apply} just before it commits and dropped by
     * {@link #clear} when it rolls back. Not thread-safe: owned by whoever holds the transaction.
     */
    public static final class Delta {

        /** Per key: events added (negative when removed), the latest receive time added or Long.MIN_VALUE. */
        private final Map<Key, long[]> changes = new HashMap<>();
        private final Map<HostKey, long[]> hosts = new HashMap<>();
        /** Per source retention removed events of: the latest receive time among them. */
        private final Map<Source, Long> removed = new HashMap<>();

        /** One event stored with these values, received at {@code receivedAt} (microseconds). */
        public void add(String tenantId, String sourceType, String sourceId, String sourceName, String sourcePath,
                String host, String status, long receivedAt) {
            change(new Key(tenantId, sourceType, sourceId, sourceName, sourcePath, status), 1, receivedAt);
            if (host != null) {
                host(new HostKey(tenantId, host), 1);
            }
        }

        private void change(Key key, long events, long receivedAt) {
            long[] c = changes.computeIfAbsent(key, k -> new long[] {0, Long.MIN_VALUE});
            c[0] += events;
            c[1] = Math.max(c[1], receivedAt);
        }

        private void host(HostKey key, long events) {
            hosts.computeIfAbsent(key, k -> new long[1])[0] += events;
        }

        /** The events of {@code rows} (groupings of {@code events}) now have their values: they count. */
        public void added(List<TallyRow> rows) {
            for (TallyRow r : rows) {
                change(r.key(), r.events(), r.lastReceivedAt());
                HostKey h = r.hostKey();
                if (h != null) {
                    host(h, r.events());
                }
            }
        }

        /** The events of {@code rows} are about to change (a replay): as they are, they no longer count. */
        public void left(List<TallyRow> rows) {
            for (TallyRow r : rows) {
                change(r.key(), -r.events(), Long.MIN_VALUE);
                HostKey h = r.hostKey();
                if (h != null) {
                    host(h, -r.events());
                }
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
            return changes.isEmpty() && hosts.isEmpty() && removed.isEmpty();
        }

        public void clear() {
            changes.clear();
            hosts.clear();
            removed.clear();
        }

        /**
         * Writes the changes by {@code upserts}: one upsert per key of {@code event_tallies}, in key order, dropping
         * the rows left without events; then, for each source retention removed events of while others remain, sets
         * the latest receive time of its rows again from {@code events} when the latest one kept may have been among
         * those removed; then the same upserts and drops for {@code host_tallies}. Then clears.
         */
        public void apply(TallyMapper mapper, Upserts upserts) {
            try {
                List<Key> keys = new ArrayList<>(changes.keySet());
                keys.sort(Key.ORDER);
                List<TallyRow> decreased = new ArrayList<>();
                List<TallyRow> rows = new ArrayList<>(keys.size());
                for (Key key : keys) {
                    long[] c = changes.get(key);
                    if (c[0] == 0 && c[1] == Long.MIN_VALUE) {
                        continue;
                    }
                    TallyRow row = TallyRow.of(key, c[0], c[1] == Long.MIN_VALUE ? null : c[1]);
                    rows.add(row);
                    if (c[0] < 0) {
                        decreased.add(row);
                    }
                }
                List<HostKey> hostKeys = new ArrayList<>(hosts.keySet());
                hostKeys.sort(HostKey.ORDER);
                List<HostRow> hostRows = new ArrayList<>(hostKeys.size());
                List<HostRow> hostsDecreased = new ArrayList<>();
                for (HostKey key : hostKeys) {
                    long n = hosts.get(key)[0];
                    if (n != 0) {
                        HostRow row = new HostRow(key.tenantId(), key.host(), n);
                        hostRows.add(row);
                        if (n < 0) {
                            hostsDecreased.add(row);
                        }
                    }
                }
                upserts.tallies(rows);
                decreased.forEach(mapper::purge);
                // before the hosts: a write locks event_tallies rows first, host_tallies rows after
                List<Source> sources = new ArrayList<>(removed.keySet());
                sources.sort(Source.ORDER);
                for (Source source : sources) {
                    correctLatest(mapper, source, removed.get(source));
                }
                upserts.hosts(hostRows);
                hostsDecreased.forEach(mapper::purgeHost);
            } finally {
                clear();
            }
        }

        /**
         * The latest receive time of a source is a maximum: adding events only raises it. Retention deletes the
         * oldest envelopes, so the latest kept is normally newer than every one deleted, and nothing changes. Only
         * when the latest stored is not newer than the latest deleted (the source's last envelopes are going, a
         * receipt is split by a retention batch, or the clock stepped back) it is read again from the events kept,
         * for this source's rows.
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
                recount.merge(r.key(), r.lastReceivedAt(), Math::max);
            }
            List<Key> keys = new ArrayList<>(kept.stream().map(TallyRow::key).toList());
            keys.sort(Key.ORDER);
            for (Key key : keys) {
                mapper.setLatest(TallyRow.of(key, 0, recount.get(key)));
            }
        }
    }
}
