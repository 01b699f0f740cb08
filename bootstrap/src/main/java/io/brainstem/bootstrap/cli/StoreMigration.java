package io.brainstem.bootstrap.cli;

import io.brainstem.adapters.persistence.relational.StoreTables;
import io.brainstem.adapters.persistence.relational.StoreTables.Table;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/brainstem migrate}: copies a store into another, table by table (issue 14). Events go in id order, in
 * chunks of one transaction each, so that a copy that stopped starts again after the last chunk it wrote; the other
 * tables are copied whole, keeping what the target already has. At the end every table is counted on both sides.
 */
public final class StoreMigration {

    /** What a copy did: events written now, and per table the rows on each side afterwards. */
    public record Result(long eventsCopied, long resumedAfter, List<String> mismatches, List<String> counts) {
        public boolean verified() {
            return mismatches.isEmpty();
        }
    }

    private final StoreTables.Source source;
    private final StoreTables.Target target;
    private final int chunk;

    public StoreMigration(StoreTables.Source source, StoreTables.Target target, int chunk) {
        this.source = source;
        this.target = target;
        this.chunk = chunk;
    }

    public Result run(Progress progress, PrintStream log) {
        long after = target.maxEventId();
        long resumedAfter = after;
        if (after > 0) {
            log.printf("resuming after event %d%n", after);
        }
        long total = source.count(StoreTables.EVENTS);
        long copied = 0;
        for (List<Object[]> rows = source.events(after, chunk); !rows.isEmpty(); rows = source.events(after, chunk)) {
            target.writeEvents(rows);
            after = ((Number) rows.getLast()[0]).longValue();
            copied += rows.size();
            progress.update(copied, "events", total == 0 ? -1 : (double) (resumedAfter + copied) / total, false);
        }
        progress.update(copied, "events", 1, true);
        for (Table table : StoreTables.OTHERS) {
            List<Object[]> rows = source.rows(table);
            for (int from = 0; from < rows.size(); from += chunk) {
                target.writeRows(table, rows.subList(from, Math.min(rows.size(), from + chunk)));
            }
        }
        List<String> mismatches = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        List<Table> all = new ArrayList<>();
        all.add(StoreTables.EVENTS);
        all.addAll(StoreTables.OTHERS);
        for (Table table : all) {
            long from = source.count(table);
            long to = target.count(table);
            counts.add(table.name() + " " + from + " -> " + to);
            if (from != to) {
                mismatches.add(table.name() + ": " + from + " in the source, " + to + " in the target");
            }
        }
        return new Result(copied, resumedAfter, mismatches, counts);
    }
}
