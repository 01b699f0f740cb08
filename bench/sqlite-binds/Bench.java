import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Insert-cost benchmark for the `events` table through sqlite-jdbc.
 *
 * Usage:
 *   java -cp sqlite-jdbc.jar:classes Bench run VARIANT DBFILE [ROWS]   -> one CSV result line on stdout
 *   java -cp sqlite-jdbc.jar:classes Bench verify DIR [ROWS] [clean]   -> column-by-column comparison of all variants vs A
 *                                         (default: with tricky rows every 50th row; "clean": realistic rows only)
 *
 * Variants:
 *   A  production: 28 binds per row (setLong/setString/setInt/setNull), addBatch, executeBatch per 500, commit per 500
 *   B  one JSON text per batch (array of arrays), bound once, INSERT ... SELECT value->>k FROM json_each(?)
 *   C  same JSON text, but jsonb_each(?) (container values come back as JSONB blobs, so ->>k needs no re-parse)
 *   B2/C2/J2  as B/C/J, but `value` is computed once per row (WITH r(v) AS MATERIALIZED (SELECT value FROM ...))
 *   J  batch encoded as a JSONB blob in Java (no escaping, no JSON text parse), bound once, jsonb_each(?)
 *   D  multi-row INSERT ... VALUES (28 ?) x 20 rows per statement, same binds, 1/20 of the step calls
 *   E  like A, but the 14 per-batch-constant columns are SQL literals in a statement prepared per batch (14 binds/row)
 *   D100  as D with 100 rows per statement
 *   DE D + E combined: 20 rows per statement, constants as literals (14 binds per row)
 *   F1 per-row floor: INSERT INTO events SELECT * FROM temp.src WHERE id = ? (1 bind), addBatch per row
 *   F  floor: INSERT INTO events SELECT * FROM temp.src WHERE id BETWEEN ? AND ? (src filled before timing)
 *
 * Only the insert path is timed: rows are generated before the timed section. Every batch: prepare, bind/build,
 * execute, commit (like HotPathInserts.insert + the surrounding transaction).
 */
public class Bench {

    static final int BATCH = 500;

    static final String[] COLS = {"id", "tenant_id", "source_type", "source_id", "source_name", "source_path",
            "message_raw", "sent_fields", "received_at", "status", "failure_reason", "parser_name", "parser_version",
            "attempts", "last_attempt_at", "timestamp", "host", "service", "severity", "facility", "message",
            "event_family", "signature_id", "structured_fields", "field_sources", "event_parser_name",
            "event_parser_version", "created_at"};
    static final int NCOL = COLS.length; // 28

    static final String COL_LIST = String.join(", ", COLS);

    // Copied from V4__one_row_per_event.sql (table + partial index only).
    static final String CREATE_EVENTS = """
            CREATE TABLE events (
                id                     INTEGER PRIMARY KEY,
                tenant_id              TEXT    NOT NULL,
                source_type            TEXT,
                source_id              TEXT,
                source_name            TEXT,
                source_path            TEXT,
                message_raw            TEXT,
                sent_fields            TEXT    NOT NULL DEFAULT '{}',
                received_at            TEXT    NOT NULL,
                status                 TEXT    NOT NULL CHECK (status IN ('received', 'canonicalized', 'parse_failed', 'unsupported')),
                failure_reason         TEXT,
                parser_name            TEXT,
                parser_version         TEXT,
                attempts               INTEGER NOT NULL DEFAULT 0,
                last_attempt_at        TEXT,
                -- the canonical event
                timestamp              TEXT,
                host                   TEXT,
                service                TEXT,
                severity               TEXT,
                facility               TEXT,
                message                TEXT,
                event_family           TEXT,
                signature_id           TEXT,
                structured_fields      TEXT,
                field_sources          TEXT,
                event_parser_name      TEXT,
                event_parser_version   TEXT,
                created_at             TEXT
            )""";
    static final String CREATE_INDEX =
            "CREATE INDEX events_unsettled ON events (status, id) WHERE status <> 'canonicalized'";

    // HotPathInserts.INSERT_EVENT
    static final String INSERT_EVENT = "INSERT INTO events (id, tenant_id, source_type, source_id, source_name,"
            + " source_path, message_raw, sent_fields, received_at, status, failure_reason, parser_name,"
            + " parser_version, attempts, last_attempt_at, timestamp, host, service, severity, facility, message,"
            + " event_family, signature_id, structured_fields, field_sources, event_parser_name,"
            + " event_parser_version, created_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    static final String INSERT_JSON = insertFromEach("json_each");
    static final String INSERT_JSONB = insertFromEach("jsonb_each");

    static final String INSERT_JSON_M = insertFromEachMaterialized("json_each");
    static final String INSERT_JSONB_M = insertFromEachMaterialized("jsonb_each");

    /** Each row's `value` is computed once into an ephemeral table, then read 28 times. */
    static String insertFromEachMaterialized(String fn) {
        StringBuilder sb = new StringBuilder("WITH r(v) AS MATERIALIZED (SELECT value FROM ").append(fn)
                .append("(?)) INSERT INTO events (").append(COL_LIST).append(") SELECT ");
        for (int k = 0; k < NCOL; k++) {
            sb.append(k == 0 ? "" : ", ").append("v->>").append(k);
        }
        return sb.append(" FROM r").toString();
    }

    static String insertFromEach(String fn) {
        StringBuilder sb = new StringBuilder("INSERT INTO events (").append(COL_LIST).append(") SELECT ");
        for (int k = 0; k < NCOL; k++) {
            sb.append(k == 0 ? "" : ", ").append("value->>").append(k);
        }
        return sb.append(" FROM ").append(fn).append("(?)").toString();
    }

    static String insertMulti(int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO events (").append(COL_LIST).append(") VALUES ");
        String one = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ",").append(one);
        }
        return sb.toString();
    }

    // Variant E: columns given as literals (constant per batch: source, parser, status, ...)
    static final boolean[] LITERAL = new boolean[NCOL];

    static {
        for (int k : new int[] {1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 21, 25, 26}) {
            LITERAL[k] = true;
        }
    }

    // ------------------------------------------------------------------------------------------ rows

    /** One row: s[k] is the text of column k (null = SQL NULL); column 0 (id) and 13 (attempts) are integers. */
    static final class Row {
        long id;
        int attempts;
        final String[] s = new String[NCOL];
    }

    static final String[] REASONS = {"dpd timeout", "peer closed", "rekey failed", "admin down", "auth failed"};
    static final String[] SEVERITIES = {"info", "info", "info", "notice", "warning", "err"};

    static Row[] generate(int n, long baseId, boolean tricky) {
        Row[] rows = new Row[n];
        long baseMicros = 1795569133123456L; // 2026-11-25T01:12:13.123456Z
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            Row r = new Row();
            long id = baseId + i;
            long micros = baseMicros + i * 137L + rnd.nextInt(50);
            java.time.Instant t = java.time.Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
            java.time.ZonedDateTime z = t.atZone(java.time.ZoneOffset.UTC);
            String receivedAt = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", z.getYear(),
                    z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(), z.getSecond(), micros % 1_000_000);
            String ts = receivedAt.substring(0, 20) + "000000Z";
            String host = "fw-" + rnd.nextInt(1, 64);
            int pid = 1000 + rnd.nextInt(9000);
            String peer = "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(1, 255);
            String reason = REASONS[rnd.nextInt(REASONS.length)];
            String message = rnd.nextInt(1, 32) + "[IKE] VPN tunnel " + rnd.nextInt(1, 500) + " for peer " + peer
                    + " went down, reason " + reason;
            String severity = SEVERITIES[rnd.nextInt(SEVERITIES.length)];
            String status = "canonicalized";
            String failure = null;
            boolean canonical = true;
            String sourceName = null;
            if (tricky) {
                switch (i % 50) {
                    case 1 -> message = "quote \" backslash \\ slash / tab \t newline \n cr \r ctl \u0001\u001f del \u007f";
                    case 2 -> message = "latin1 é ü ß, bmp 中文 €, astral 😀 𝄞";
                    case 3 -> message = "nul >\u0000< inside";
                    case 4 -> message = "lone surrogate >\uD800< here";
                    case 5 -> message = "123"; // numeric-looking text must stay TEXT
                    case 6 -> message = "";
                    case 7 -> message = "sql quote ' and ''";
                    case 8 -> { // envelope not canonicalized: all canonical columns NULL
                        canonical = false;
                        status = "parse_failed";
                        failure = "no parser for \"x\"";
                    }
                    case 9 -> sourceName = "name with 'quote' and \"dq\"";
                    case 10 -> message = "1.5e3";
                    case 11 -> message = "u+2028 >\u2028< u+2029 >\u2029<";
                    default -> { }
                }
            }
            String raw = "<134>Nov 25 " + receivedAt.substring(11, 19) + " " + host + " charon[" + pid + "]: " + message;
            r.id = id;
            r.attempts = 1;
            String[] s = r.s;
            s[1] = "default";
            s[2] = "syslog";
            s[3] = "udp-1";
            s[4] = sourceName;
            s[5] = "udp://127.0.0.1:5514";
            s[6] = raw;
            s[7] = "{}";
            s[8] = receivedAt;
            s[9] = status;
            s[10] = failure;
            s[11] = "rfc3164";
            s[12] = "1";
            s[14] = receivedAt;
            if (canonical) {
                s[15] = ts;
                s[16] = host;
                s[17] = "charon";
                s[18] = severity;
                s[19] = "local0";
                s[20] = message;
                s[21] = "vpn";
                s[22] = String.format(Locale.ROOT, "sig-%016x", (long) reason.hashCode() * 0x9E3779B97F4A7C15L);
                s[23] = "{\"pid\":\"" + pid + "\",\"peer\":\"" + peer + "\"}";
                s[24] = "{\"host\":\"message\",\"service\":\"message\",\"timestamp\":\"message\",\"severity\":\"pri\"}";
                s[25] = "rfc3164";
                s[26] = "1";
                s[27] = receivedAt;
            }
            rows[i] = r;
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------ db

    static Connection open(Path file) throws SQLException {
        Properties props = new Properties(); // as SqliteDatabase.pool(url, writer = true, ...)
        props.setProperty("journal_mode", "WAL");
        props.setProperty("synchronous", "NORMAL");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("foreign_keys", "false");
        props.setProperty("cache_size", "-32768");
        props.setProperty("temp_store", "MEMORY");
        props.setProperty("transaction_mode", "IMMEDIATE");
        props.setProperty("journal_size_limit", Long.toString(64L * 1024 * 1024));
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props);
        try (Statement st = c.createStatement()) {
            st.execute(CREATE_EVENTS);
            st.execute(CREATE_INDEX);
        }
        c.setAutoCommit(false);
        c.commit();
        return c;
    }

    static void deleteDb(Path file) throws Exception {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    // ------------------------------------------------------------------------------------------ variants

    interface Inserter {
        /** Java-side work before the statement runs (for A/D/E: set* + addBatch; for B/C/J: building the text). */
        void build(Connection c, Row[] rows, int from, int to) throws SQLException;

        /** Runs the statement(s). */
        void execute() throws SQLException;

        default long payloadBytes() {
            return 0;
        }
    }

    static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** Binds one row like HotPathInserts.insert (+ bindEvent), at parameter offset `at` (0 for single row). */
    static void bindProduction(PreparedStatement ps, int at, Row row) throws SQLException {
        String[] r = row.s;
        ps.setLong(at + 1, row.id);
        ps.setString(at + 2, r[1]);
        text(ps, at + 3, r[2]);
        text(ps, at + 4, r[3]);
        text(ps, at + 5, r[4]);
        text(ps, at + 6, r[5]);
        text(ps, at + 7, r[6]);
        ps.setString(at + 8, r[7]);
        ps.setString(at + 9, r[8]);
        ps.setString(at + 10, r[9]);
        text(ps, at + 11, r[10]);
        text(ps, at + 12, r[11]);
        text(ps, at + 13, r[12]);
        ps.setInt(at + 14, row.attempts);
        text(ps, at + 15, r[14]);
        if (r[20] == null) { // no canonical event
            for (int i = 16; i <= 28; i++) {
                ps.setNull(at + i, Types.VARCHAR);
            }
        } else {
            ps.setString(at + 16, r[15]);
            text(ps, at + 17, r[16]);
            text(ps, at + 18, r[17]);
            ps.setString(at + 19, r[18]);
            text(ps, at + 20, r[19]);
            ps.setString(at + 21, r[20]);
            ps.setString(at + 22, r[21]);
            ps.setString(at + 23, r[22]);
            ps.setString(at + 24, r[23]);
            ps.setString(at + 25, r[24]);
            ps.setString(at + 26, r[25]);
            ps.setString(at + 27, r[26]);
            ps.setString(at + 28, r[27]);
        }
    }

    static final class A implements Inserter {
        PreparedStatement ps;

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            ps = c.prepareStatement(INSERT_EVENT);
            for (int i = from; i < to; i++) {
                bindProduction(ps, 0, rows[i]);
                ps.addBatch();
            }
        }

        public void execute() throws SQLException {
            ps.executeBatch();
            ps.close();
        }
    }

    static final class D implements Inserter {
        PreparedStatement ps;
        final int multi;
        final String sql;

        D(int multi) {
            this.multi = multi;
            this.sql = insertMulti(multi);
        }

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            if ((to - from) % multi != 0) {
                throw new IllegalStateException("batch not a multiple of " + multi);
            }
            ps = c.prepareStatement(sql);
            for (int i = from; i < to; i += multi) {
                for (int j = 0; j < multi; j++) {
                    bindProduction(ps, j * NCOL, rows[i + j]);
                }
                ps.addBatch();
            }
        }

        public void execute() throws SQLException {
            ps.executeBatch();
            ps.close();
        }
    }

    static void literal(StringBuilder sb, Row row, int k) {
        if (k == 0) {
            sb.append(row.id);
        } else if (k == 13) {
            sb.append(row.attempts);
        } else if (row.s[k] == null) {
            sb.append("NULL");
        } else {
            sb.append('\'').append(row.s[k].replace("'", "''")).append('\'');
        }
    }

    static final class E implements Inserter {
        PreparedStatement ps;
        final StringBuilder sql = new StringBuilder();

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            Row first = rows[from]; // the literal columns are constant per batch (a batch comes from one source)
            sql.setLength(0);
            sql.append("INSERT INTO events (").append(COL_LIST).append(") VALUES (");
            for (int k = 0; k < NCOL; k++) {
                if (k > 0) {
                    sql.append(',');
                }
                if (LITERAL[k]) {
                    literal(sql, first, k);
                } else {
                    sql.append('?');
                }
            }
            sql.append(')');
            ps = c.prepareStatement(sql.toString());
            for (int i = from; i < to; i++) {
                Row row = rows[i];
                String[] r = row.s;
                ps.setLong(1, row.id);
                text(ps, 2, r[6]);
                ps.setString(3, r[8]);
                text(ps, 4, r[14]);
                text(ps, 5, r[15]);
                text(ps, 6, r[16]);
                text(ps, 7, r[17]);
                text(ps, 8, r[18]);
                text(ps, 9, r[19]);
                text(ps, 10, r[20]);
                text(ps, 11, r[22]);
                text(ps, 12, r[23]);
                text(ps, 13, r[24]);
                text(ps, 14, r[27]);
                ps.addBatch();
            }
        }

        public void execute() throws SQLException {
            ps.executeBatch();
            ps.close();
        }
    }

    /** D + E: 20 rows per statement, the 14 per-batch constants as literals (14 binds per row). */
    static final class DE implements Inserter {
        static final int MULTI = 20;
        PreparedStatement ps;
        final StringBuilder sql = new StringBuilder();

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            if ((to - from) % MULTI != 0) {
                throw new IllegalStateException("batch not a multiple of " + MULTI);
            }
            Row first = rows[from];
            sql.setLength(0);
            sql.append("INSERT INTO events (").append(COL_LIST).append(") VALUES ");
            for (int j = 0; j < MULTI; j++) {
                sql.append(j == 0 ? "(" : ",(");
                for (int k = 0; k < NCOL; k++) {
                    if (k > 0) {
                        sql.append(',');
                    }
                    if (LITERAL[k]) {
                        literal(sql, first, k);
                    } else {
                        sql.append('?');
                    }
                }
                sql.append(')');
            }
            ps = c.prepareStatement(sql.toString());
            for (int i = from; i < to; i += MULTI) {
                for (int j = 0; j < MULTI; j++) {
                    Row row = rows[i + j];
                    String[] r = row.s;
                    int at = j * 14;
                    ps.setLong(at + 1, row.id);
                    text(ps, at + 2, r[6]);
                    ps.setString(at + 3, r[8]);
                    text(ps, at + 4, r[14]);
                    text(ps, at + 5, r[15]);
                    text(ps, at + 6, r[16]);
                    text(ps, at + 7, r[17]);
                    text(ps, at + 8, r[18]);
                    text(ps, at + 9, r[19]);
                    text(ps, at + 10, r[20]);
                    text(ps, at + 11, r[22]);
                    text(ps, at + 12, r[23]);
                    text(ps, at + 13, r[24]);
                    text(ps, at + 14, r[27]);
                }
                ps.addBatch();
            }
        }

        public void execute() throws SQLException {
            ps.executeBatch();
            ps.close();
        }
    }

    /** Hand-written JSON string escaper (RFC 8259); non-ASCII chars are kept as they are. */
    static void jsonString(StringBuilder sb, String s) {
        int n = s.length();
        int i = 0;
        while (i < n) { // fast path: find the first char that needs escaping
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == '"' || ch == '\\') {
                break;
            }
            i++;
        }
        sb.append('"');
        if (i == n) {
            sb.append(s);
            sb.append('"');
            return;
        }
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 15]);
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    static final char[] HEX = "0123456789abcdef".toCharArray();

    static final class Json implements Inserter {
        final String sql;
        final StringBuilder sb = new StringBuilder(1 << 20);
        PreparedStatement ps;
        long bytes;

        Json(String sql) {
            this.sql = sql;
        }

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            sb.setLength(0);
            sb.append('[');
            for (int i = from; i < to; i++) {
                Row row = rows[i];
                if (i > from) {
                    sb.append(',');
                }
                sb.append('[').append(row.id);
                for (int k = 1; k < NCOL; k++) {
                    sb.append(',');
                    if (k == 13) {
                        sb.append(row.attempts);
                    } else {
                        String v = row.s[k];
                        if (v == null) {
                            sb.append("null");
                        } else {
                            jsonString(sb, v);
                        }
                    }
                }
                sb.append(']');
            }
            sb.append(']');
            bytes += sb.length();
            ps = c.prepareStatement(sql);
            ps.setString(1, sb.toString());
        }

        public void execute() throws SQLException {
            int n = ps.executeUpdate();
            ps.close();
        }

        public long payloadBytes() {
            return bytes;
        }
    }

    /**
     * Batch as a JSONB blob (https://sqlite.org/jsonb.html): array of arrays; strings as TEXTRAW (type 10, raw
     * UTF-8, no escaping), integers as INT (type 3, ASCII digits), NULL as type 0. Containers use a 4-byte size.
     */
    static final class Jsonb implements Inserter {
        byte[] buf = new byte[1 << 20];
        int pos;
        PreparedStatement ps;
        long bytes;
        final String sql;

        Jsonb(String sql) {
            this.sql = sql;
        }

        void ensure(int n) {
            if (pos + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void header(int type, int size) {
            ensure(9 + size);
            if (size <= 11) {
                buf[pos++] = (byte) ((size << 4) | type);
            } else if (size <= 0xff) {
                buf[pos++] = (byte) (0xc0 | type);
                buf[pos++] = (byte) size;
            } else if (size <= 0xffff) {
                buf[pos++] = (byte) (0xd0 | type);
                buf[pos++] = (byte) (size >> 8);
                buf[pos++] = (byte) size;
            } else {
                buf[pos++] = (byte) (0xe0 | type);
                buf[pos++] = (byte) (size >> 24);
                buf[pos++] = (byte) (size >> 16);
                buf[pos++] = (byte) (size >> 8);
                buf[pos++] = (byte) size;
            }
        }

        int openContainer(int type) {
            ensure(5);
            int at = pos;
            buf[pos++] = (byte) (0xe0 | type); // 4-byte payload size, patched in closeContainer
            pos += 4;
            return at;
        }

        void closeContainer(int at) {
            int size = pos - at - 5;
            buf[at + 1] = (byte) (size >> 24);
            buf[at + 2] = (byte) (size >> 16);
            buf[at + 3] = (byte) (size >> 8);
            buf[at + 4] = (byte) size;
        }

        void integer(long v) {
            String s = Long.toString(v); // ASCII digits, at most 20
            int n = s.length();
            header(3, n);
            s.getBytes(0, n, buf, pos);
            pos += n;
        }

        void text(String s) {
            // UTF-8 (lone surrogates become '?', as String.getBytes and sqlite-jdbc's setString do)
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0x80) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                header(10, n);
                s.getBytes(0, n, buf, pos); // deprecated but exact for ASCII
                pos += n;
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                header(10, b.length);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
            }
        }

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            pos = 0;
            int outer = openContainer(11);
            for (int i = from; i < to; i++) {
                Row row = rows[i];
                int inner = openContainer(11);
                integer(row.id);
                for (int k = 1; k < NCOL; k++) {
                    if (k == 13) {
                        integer(row.attempts);
                    } else {
                        String v = row.s[k];
                        if (v == null) {
                            ensure(1);
                            buf[pos++] = 0;
                        } else {
                            text(v);
                        }
                    }
                }
                closeContainer(inner);
            }
            closeContainer(outer);
            bytes += pos;
            ps = c.prepareStatement(sql);
            ps.setBytes(1, java.util.Arrays.copyOf(buf, pos));
        }

        public void execute() throws SQLException {
            ps.executeUpdate();
            ps.close();
        }

        public long payloadBytes() {
            return bytes;
        }
    }

    static final class F implements Inserter {
        PreparedStatement ps;

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            ps = c.prepareStatement("INSERT INTO events SELECT * FROM temp.src WHERE id BETWEEN ? AND ?");
            ps.setLong(1, rows[from].id);
            ps.setLong(2, rows[to - 1].id);
        }

        public void execute() throws SQLException {
            ps.executeUpdate();
            ps.close();
        }

        static void fill(Connection c, Row[] rows) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute(CREATE_EVENTS.replace("CREATE TABLE events", "CREATE TEMP TABLE src"));
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT.replace("INSERT INTO events", "INSERT INTO temp.src"))) {
                for (int i = 0; i < rows.length; i++) {
                    bindProduction(ps, 0, rows[i]);
                    ps.addBatch();
                    if (i % BATCH == BATCH - 1 || i == rows.length - 1) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
        }
    }

    /** Per-row statement with one bind: INSERT INTO events SELECT * FROM temp.src WHERE id = ?, addBatch per row. */
    static final class F1 implements Inserter {
        PreparedStatement ps;

        public void build(Connection c, Row[] rows, int from, int to) throws SQLException {
            ps = c.prepareStatement("INSERT INTO events SELECT * FROM temp.src WHERE id = ?");
            for (int i = from; i < to; i++) {
                ps.setLong(1, rows[i].id);
                ps.addBatch();
            }
        }

        public void execute() throws SQLException {
            ps.executeBatch();
            ps.close();
        }
    }

    static Inserter inserter(String v) {
        return switch (v) {
            case "A" -> new A();
            case "B" -> new Json(INSERT_JSON);
            case "C" -> new Json(INSERT_JSONB);
            case "J" -> new Jsonb(INSERT_JSONB);
            case "B2" -> new Json(INSERT_JSON_M);
            case "C2" -> new Json(INSERT_JSONB_M);
            case "J2" -> new Jsonb(INSERT_JSONB_M);
            case "D" -> new D(20);
            case "D100" -> new D(100);
            case "F1" -> new F1();
            case "E" -> new E();
            case "DE" -> new DE();
            case "F" -> new F();
            default -> throw new IllegalArgumentException(v);
        };
    }

    // ------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        Class.forName("org.sqlite.JDBC");
        switch (args[0]) {
            case "run" -> run(args[1], Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 300_000);
            case "verify" -> verify(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20_000,
                    args.length <= 3 || !args[3].equals("clean"));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void load(Connection c, String variant, Row[] rows) throws SQLException {
        if (variant.startsWith("F")) {
            F.fill(c, rows);
        }
        Inserter ins = inserter(variant);
        for (int from = 0; from < rows.length; from += BATCH) {
            int to = Math.min(rows.length, from + BATCH);
            ins.build(c, rows, from, to);
            ins.execute();
            c.commit();
        }
    }

    static void run(String variant, Path file, int n) throws Exception {
        deleteDb(file);
        Row[] rows = generate(n, 1, false);
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gcBefore = 0;
        try (Connection c = open(file)) {
            String version;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
                rs.next();
                version = rs.getString(1);
            }
            c.commit();
            if (variant.startsWith("F")) {
                F.fill(c, rows);
            }
            Inserter ins = inserter(variant);
            int batches = (n + BATCH - 1) / BATCH;
            int warm = batches / 5; // first 20% of the rows not counted
            long build = 0, exec = 0, commit = 0, wall = 0, proc0 = 0, gc0 = 0, wall0 = 0;
            int measuredRows = 0;
            for (int b = 0; b < batches; b++) {
                if (b == warm) {
                    proc0 = os.getProcessCpuTime();
                    gc0 = gcMillis();
                    wall0 = System.nanoTime();
                }
                int from = b * BATCH, to = Math.min(n, from + BATCH);
                long w0 = System.nanoTime();
                long t0 = tmx.getCurrentThreadCpuTime();
                ins.build(c, rows, from, to);
                long t1 = tmx.getCurrentThreadCpuTime();
                ins.execute();
                long t2 = tmx.getCurrentThreadCpuTime();
                c.commit();
                long t3 = tmx.getCurrentThreadCpuTime();
                long w3 = System.nanoTime();
                if (b >= warm) {
                    build += t1 - t0;
                    exec += t2 - t1;
                    commit += t3 - t2;
                    wall += w3 - w0;
                    measuredRows += to - from;
                }
            }
            long proc = os.getProcessCpuTime() - proc0;
            long wallAll = System.nanoTime() - wall0;
            long gc = gcMillis() - gc0;
            long count;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                count = rs.getLong(1);
            }
            c.commit();
            if (count != n) {
                throw new IllegalStateException("expected " + n + " rows, found " + count);
            }
            double m = measuredRows * 1000.0; // ns -> µs per row
            System.out.printf(Locale.ROOT,
                    "RESULT variant=%s rows=%d measured=%d threadcpu_us=%.3f build_us=%.3f exec_us=%.3f commit_us=%.3f"
                            + " wall_us=%.3f proccpu_us=%.3f wallall_us=%.3f gc_ms=%d payload_B_per_row=%.1f sqlite=%s%n",
                    variant, n, measuredRows, (build + exec + commit) / m, build / m, exec / m, commit / m, wall / m,
                    proc / m, wallAll / m, gc, ins.payloadBytes() / (double) n, version);
        }
        deleteDb(file);
    }

    static long gcMillis() {
        long t = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------ verify

    static void verify(Path dir, int n, boolean tricky) throws Exception {
        Files.createDirectories(dir);
        Row[] rows = generate(n, (1L << 53) + 1, tricky); // ids above 2^53: catches ids going through a double
        String[] variants = {"A", "B", "C", "J", "B2", "C2", "J2", "D", "D100", "E", "DE", "F", "F1"};
        for (String v : variants) {
            Path f = dir.resolve("verify-" + v + ".db");
            deleteDb(f);
            try (Connection c = open(f)) {
                load(c, v, rows);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("verify-A.db"))) {
            Statement st = c.createStatement();
            // a few sample rows, as stored by A
            for (long id : new long[] {(1L << 53) + 1, (1L << 53) + 2, (1L << 53) + 4, (1L << 53) + 9}) {
                StringBuilder q = new StringBuilder("SELECT ");
                for (int k = 0; k < NCOL; k++) {
                    q.append(k == 0 ? "" : " || ' | ' || ").append("typeof(").append(COLS[k]).append(") || ':' || quote(")
                            .append(COLS[k]).append(")");
                }
                q.append(" FROM events WHERE id = ").append(id);
                try (ResultSet rs = st.executeQuery(q.toString())) {
                    if (rs.next()) {
                        System.out.println("A row " + id + ": " + rs.getString(1));
                    }
                }
            }
            for (String v : variants) {
                if (v.equals("A")) {
                    continue;
                }
                st.execute("ATTACH '" + dir.resolve("verify-" + v + ".db") + "' AS o");
                StringBuilder q = new StringBuilder("SELECT (SELECT count(*) FROM o.events), ");
                q.append("(SELECT count(*) FROM main.events a LEFT JOIN o.events b ON a.id = b.id WHERE b.id IS NULL)");
                for (String col : COLS) {
                    // same storage class and same bytes (hex of the value as stored: text bytes, integer digits)
                    q.append(", sum(typeof(a.").append(col).append(") IS NOT typeof(b.").append(col).append(")")
                            .append(" OR hex(a.").append(col).append(") IS NOT hex(b.").append(col).append(")")
                            .append(" OR length(CAST(a.").append(col).append(" AS BLOB)) IS NOT length(CAST(b.")
                            .append(col).append(" AS BLOB)))");
                }
                q.append(" FROM main.events a JOIN o.events b ON a.id = b.id");
                try (ResultSet rs = st.executeQuery(q.toString())) {
                    rs.next();
                    StringBuilder out = new StringBuilder();
                    long total = 0;
                    for (int k = 0; k < NCOL; k++) {
                        long d = rs.getLong(3 + k);
                        total += d;
                        if (d != 0) {
                            out.append(' ').append(COLS[k]).append('=').append(d);
                        }
                    }
                    System.out.printf("%s vs A: rows=%d missing=%d differing cells=%d%s%n", v, rs.getLong(1),
                            rs.getLong(2), total, out);
                }
                // show differing cells, if any
                StringBuilder d = new StringBuilder("SELECT a.id");
                StringBuilder where = new StringBuilder();
                for (String col : COLS) {
                    d.append(", typeof(a.").append(col).append(")||':'||quote(a.").append(col).append(")")
                            .append(", typeof(b.").append(col).append(")||':'||quote(b.").append(col).append(")")
                            .append(", hex(a.").append(col).append(") IS NOT hex(b.").append(col).append(")")
                            .append(" OR typeof(a.").append(col).append(") IS NOT typeof(b.").append(col).append(")");
                }
                d.append(" FROM main.events a JOIN o.events b ON a.id = b.id");
                try (ResultSet rs = st.executeQuery(d.toString())) {
                    int shown = 0;
                    while (rs.next() && shown < 8) {
                        for (int k = 0; k < NCOL; k++) {
                            if (rs.getBoolean(4 + 3 * k)) {
                                System.out.printf("   id %d col %s: A=%s %s=%s%n", rs.getLong(1), COLS[k],
                                        rs.getString(2 + 3 * k), v, rs.getString(3 + 3 * k));
                                shown++;
                            }
                        }
                    }
                }
                st.execute("DETACH o");
            }
            // NUL inside text: how much of it does each variant keep?
            System.out.println("JSONB check (strict json_valid of one J batch built in Java):");
            Jsonb j = new Jsonb(INSERT_JSONB);
            j.build(c, rows, 0, 50);
            byte[] blob = java.util.Arrays.copyOf(j.buf, j.pos);
            j.ps.close();
            try (PreparedStatement ps = c.prepareStatement("SELECT json_valid(?, 8), json_valid(?, 4)")) {
                ps.setBytes(1, blob);
                ps.setBytes(2, blob);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    System.out.println("  json_valid(blob, 8 = strict JSONB) = " + rs.getInt(1)
                            + ", json_valid(blob, 4 = JSONB quick) = " + rs.getInt(2));
                }
            }
        }
    }
}
