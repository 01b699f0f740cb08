package io.brainstem.adapters.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows go in {@link HotPathInserts#ROWS_PER_STATEMENT} to a statement plus a remainder, with the values every row shares written as SQL literals;
 * every row comes back as it was, in id order, with the same SQLite types as bound values.
 */
class HotPathInsertsTest {

    @TempDir
    Path dir;

    @Test
    void valuesSharedByEveryRowComeBackExactlyWhateverTheyContain() throws Exception {
        String[] tricky = {"it's", "''", "a\u0000b", "\uD83D\uDE00 emoji", "123", "1.5e3", "NULL", "x'); DROP TABLE events; --",
            "\u00e9\u20ac", ""};
        int file = 0;
        for (String shared : tricky) {
            for (boolean oneDiffers : new boolean[] {false, true}) {
                Path path = dir.resolve("shared-" + file++ + ".sqlite3");
                try (SqliteStorage storage = new SqliteStorage(path)) {
                    List<EnvelopeContent> contents = new ArrayList<>();
                    int rows = 2 * HotPathInserts.ROWS_PER_STATEMENT + 5; // grouped statements and a remainder
                    for (int i = 0; i < rows; i++) {
                        String v = oneDiffers && i == rows - 1 ? shared + "!" : shared;
                        contents.add(EnvelopeContent.builder(new TenantId("t"))
                                .sourceType("syslog").sourceId(v).sourcePath(v).sourceName(v)
                                .messageRaw("m" + i).build());
                    }
                    Instant at = Instant.parse("2026-11-25T10:00:00Z");
                    storage.unitOfWork().write(() -> storage.rawEnvelopes().receiveAll(contents, at));
                    List<RawEnvelope> stored = storage.unitOfWork()
                            .read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 1_000));
                    assertEquals(contents, stored.stream().map(RawEnvelope::content).toList(), shared);
                }
                try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + path);
                        var st = c.createStatement();
                        var rs = st.executeQuery("SELECT DISTINCT typeof(source_id), typeof(attempts), typeof(id),"
                                + " typeof(source_name) FROM events")) {
                    rs.next();
                    assertEquals(List.of("text", "integer", "integer", "text"), List.of(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4)), shared);
                    assertEquals(false, rs.next(), "one set of types for every row: " + shared);
                }
            }
        }
    }

    @Test
    void onlyValuesThatSurviveAsLiteralsAreShared() {
        Object[] row = new Object[HotPathInserts.COLUMNS];
        row[0] = 1L;
        row[1] = "it's";
        row[2] = "a\u0000b";
        row[3] = "\uD83D\uDE00";
        row[6] = "raw";
        row[13] = 1;
        Object[] shared = HotPathInserts.sharedValues(List.of(row, row.clone()));
        String sql = HotPathInserts.rowSql(shared);
        // integers are bound (a literal receive time would make each batch's statement new)
        assertEquals("(?,'it''s',?,?,NULL,NULL,?,NULL,NULL,NULL,NULL,NULL,NULL,?,NULL,NULL,NULL,NULL,NULL,NULL,NULL,"
                + "NULL,NULL,NULL,NULL,NULL,NULL,NULL)", sql);
    }

    @Test
    void statementsAreKeptAcrossTransactionsAndStartAgainOnAnotherConnection() throws Exception {
        try (HotPathInserts.Statements statements = new HotPathInserts.Statements();
                var first = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s1.sqlite3"));
                var second = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s2.sqlite3"))) {
            var a = statements.prepare(first, "SELECT 1");
            assertEquals(a, statements.prepare(first, "SELECT 1"));
            var b = statements.prepare(first, "SELECT 2");
            org.junit.jupiter.api.Assertions.assertNotSame(a, b);
            var c = statements.prepare(second, "SELECT 1");
            org.junit.jupiter.api.Assertions.assertNotSame(a, c);
            org.junit.jupiter.api.Assertions.assertTrue(a.isClosed() && b.isClosed(), "first connection's closed");
            for (int i = 0; i < 40; i++) {
                statements.prepare(second, "SELECT " + i);
            }
            org.junit.jupiter.api.Assertions.assertTrue(c.isClosed(), "evicted beyond the limit and closed");
        }
    }

    @Test
    void groupedAndRemainingRowsAreStoredExactly() {
        int per = HotPathInserts.ROWS_PER_STATEMENT;
        for (int size : new int[] {1, per - 1, per, per + 1, 2 * per + 7, 500}) {
            try (SqliteStorage storage = new SqliteStorage(dir.resolve("rows-" + size + ".sqlite3"))) {
                List<EnvelopeContent> contents = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    EnvelopeContent.Builder b = EnvelopeContent.builder(new TenantId(i % 3 == 0 ? "t-a" : "t-b"))
                            .sourceType(i % 2 == 0 ? "syslog" : "file").sourceId("src-" + (i % 5))
                            .messageRaw("line " + i + " with 'quotes' and \u00e9");
                    if (i % 4 == 0) {
                        b.host("h" + i).sourcePath("/var/log/" + i).metadata(Map.of("n", i));
                    }
                    contents.add(b.build());
                }
                Instant at = Instant.parse("2026-11-25T10:00:00Z");
                List<RawEnvelope> received = storage.unitOfWork()
                        .write(() -> storage.rawEnvelopes().receiveAll(contents, at));
                List<RawEnvelope> stored = storage.unitOfWork()
                        .read(() -> storage.rawEnvelopes().findAfter(0, List.of(), null, 1_000));

                assertEquals(size, stored.size(), "rows of a batch of " + size);
                for (int i = 0; i < size; i++) {
                    assertEquals(received.get(i).id(), stored.get(i).id());
                    assertEquals(contents.get(i), stored.get(i).content(), "row " + i + " of " + size);
                }
            }
        }
    }
}
