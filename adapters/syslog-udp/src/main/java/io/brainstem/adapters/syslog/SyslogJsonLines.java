package io.brainstem.adapters.syslog;

import io.brainstem.domain.envelope.EnvelopeContent;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code listen --emit-stdout}: after each committed batch, one JSON object per line for every envelope,
 * with the raw fields as stored (not the canonical event: ingest returns only counts), e.g.
 * <pre>{"tenant_id":"default","source_type":"syslog","source_id":"syslog","source_path":"udp://127.0.0.1:5514",
 * "message_raw":"&lt;34&gt;Oct 11 22:14:15 fw-01 sshd[42]: Failed password","metadata":{"transport":"udp",
 * "sender_address":"10.0.0.7","sender_port":51234}}</pre>
 */
public final class SyslogJsonLines {

    private SyslogJsonLines() {
    }

    /** A committed-batch hook that prints each envelope as one line to {@code out} and flushes per batch. */
    public static Consumer<List<EnvelopeContent>> printer(PrintStream out) {
        return batch -> {
            StringBuilder sb = new StringBuilder(256 * batch.size());
            for (EnvelopeContent e : batch) {
                line(e, sb);
                sb.append('\n');
            }
            synchronized (out) {
                out.print(sb);
                out.flush();
            }
        };
    }

    static String line(EnvelopeContent e) {
        StringBuilder sb = new StringBuilder(256);
        line(e, sb);
        return sb.toString();
    }

    private static void line(EnvelopeContent e, StringBuilder sb) {
        sb.append("{\"tenant_id\":");
        string(e.tenantId().value(), sb);
        sb.append(",\"source_type\":");
        string(e.sourceType(), sb);
        sb.append(",\"source_id\":");
        string(e.sourceId(), sb);
        sb.append(",\"source_path\":");
        string(e.sourcePath(), sb);
        sb.append(",\"message_raw\":");
        string(e.messageRaw(), sb);
        sb.append(",\"metadata\":{");
        boolean first = true;
        for (Map.Entry<String, Object> m : e.metadata().entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(m.getKey(), sb);
            sb.append(':');
            Object v = m.getValue();
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                string(v == null ? null : v.toString(), sb);
            }
        }
        sb.append("}}");
    }

    private static void string(String s, StringBuilder sb) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
