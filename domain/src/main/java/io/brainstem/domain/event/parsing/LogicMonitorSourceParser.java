package io.brainstem.domain.event.parsing;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code source_type = logicmonitor}: one LogicMonitor alert. The HTTP adapter hands it over as
 * {@code message_raw} = the alert's message_raw, {@code severity} = its level, {@code metadata} = its
 * {@code metadata} object and {@code structured_fields} = every other top-level field of the alert.
 *
 * <ul>
 *   <li>host ← {@code resource_name}</li>
 *   <li>service ← {@code datasource}, plus {@code /instance} (or {@code /datapoint}) when present:
 *       {@code IPSec Tunnel/tun0}. Each is looked up in metadata first, then in the top-level fields.</li>
 *   <li>severity ← the envelope severity read as a LogicMonitor level: {@code warn|warning|2} = warning,
 *       {@code error|3} = err, {@code critical|4} = crit; other names and aliases as {@link Severity#parse},
 *       but no other digits (LogicMonitor numbers are not syslog codes).</li>
 *   <li>timestamp ← {@code started_at} or {@code start_epoch} (RFC 3339 or epoch seconds/millis).</li>
 * </ul>
 * Fields found this way are sourced {@code logicmonitor}. The structured fields keep every alert field as
 * sent and add normalized ones: {@code alert_id} (from alert_id or id), {@code alert_status} (alert_status
 * or status), {@code started_at} and {@code cleared_at} (from cleared_at or end_epoch; RFC 3339 in UTC when
 * readable, else as sent), {@code datasource}, {@code instance}, {@code datapoint} (copied from metadata).
 * The envelope's explicit host, service, facility and timestamp still win.
 */
public final class LogicMonitorSourceParser implements SourceParser {

    public static final ParserInfo LOGICMONITOR = new ParserInfo("logicmonitor", "1.0.0");

    public static final String ALERT_ID = "alert_id";
    public static final String ALERT_STATUS = "alert_status";
    public static final String STARTED_AT = "started_at";
    public static final String CLEARED_AT = "cleared_at";
    public static final String DATASOURCE = "datasource";
    public static final String INSTANCE = "instance";
    public static final String DATAPOINT = "datapoint";
    public static final String RESOURCE_NAME = "resource_name";

    @Override
    public ParserInfo parser() {
        return LOGICMONITOR;
    }

    @Override
    public ClientFields clientFields(EnvelopeContent content, Instant clientTimestamp) {
        return ClientFields.of(content, clientTimestamp).withoutSeverityAndStructuredFields();
    }

    @Override
    public Extraction extract(String message, EnvelopeContent content, Instant receivedAt) {
        Map<String, Object> alert = content.structuredFields();
        Map<String, Object> metadata = content.metadata();
        Map<String, Object> fields = new LinkedHashMap<>(alert);

        String datasource = text(metadata, alert, DATASOURCE);
        String instance = text(metadata, alert, INSTANCE);
        String datapoint = text(metadata, alert, DATAPOINT);
        putIfPresent(fields, DATASOURCE, datasource);
        putIfPresent(fields, INSTANCE, instance);
        putIfPresent(fields, DATAPOINT, datapoint);
        String detail = instance != null ? instance : datapoint;
        String service = datasource == null ? detail : detail == null ? datasource : datasource + "/" + detail;

        putIfPresent(fields, ALERT_ID, first(alert, ALERT_ID, "id"));
        putIfPresent(fields, ALERT_STATUS, first(alert, ALERT_STATUS, "status"));
        Object started = first(alert, STARTED_AT, "start_epoch");
        Optional<Instant> startedAt = InstantText.parse(started);
        putIfPresent(fields, STARTED_AT, startedAt.<Object>map(Instant::toString).orElse(started));
        Object cleared = first(alert, CLEARED_AT, "end_epoch");
        putIfPresent(fields, CLEARED_AT, InstantText.parse(cleared).<Object>map(Instant::toString).orElse(cleared));

        String levelText = Text.blankToNull(content.severity());
        Optional<Severity> level = level(levelText);
        Map<String, String> notes = levelText != null && level.isEmpty()
                ? Map.of(EventAssembler.SEVERITY_UNRECOGNIZED, Text.truncate(levelText, EventAssembler.MAX_ECHO))
                : Map.of();
        return new Extraction.Found(LOGICMONITOR,
                Sourced.of(startedAt.orElse(null), FieldSource.LOGICMONITOR),
                Sourced.of(text(Map.of(), alert, RESOURCE_NAME), FieldSource.LOGICMONITOR),
                Sourced.of(service, FieldSource.LOGICMONITOR),
                level.map(s -> Sourced.of(s, FieldSource.LOGICMONITOR))
                        .orElse(Sourced.of(Severity.NOTICE, FieldSource.DEFAULT)),
                Sourced.none(), message.strip(), fields, notes);
    }

    /** A LogicMonitor alert level: warn/warning/2, error/3, critical/4, or a syslog name or alias. */
    public static Optional<Severity> level(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "2", "warn", "warning" -> Optional.of(Severity.WARNING);
            case "3", "error" -> Optional.of(Severity.ERR);
            case "4", "critical" -> Optional.of(Severity.CRIT);
            case String other when !other.isEmpty() && Character.isDigit(other.charAt(0)) -> Optional.empty();
            case String other -> Severity.parse(other);
        };
    }

    private static String text(Map<String, Object> preferred, Map<String, Object> fallback, String key) {
        Object value = preferred.get(key);
        if (value == null) {
            value = fallback.get(key);
        }
        return value instanceof String || value instanceof Number ? Text.blankToNull(value.toString()) : null;
    }

    private static Object first(Map<String, Object> alert, String key, String alternative) {
        Object value = alert.get(key);
        return value != null ? value : alert.get(alternative);
    }

    private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
