package io.brainstem.domain.alert;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.parsing.LogicMonitorSourceParser;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a monitoring platform says about one alert at one moment: LogicMonitor's alert, pushed to
 * {@code /connectors/logicmonitor/events} or fetched from the portal. The same alert (same {@code alertId}) may be
 * reported many times; {@link AlertHistory#changeFor} tells what a report adds.
 *
 * @param alertId   the platform's id of the alert, the same in every report of it
 * @param startedAt when the alert started
 * @param clearedAt when it cleared, empty while it is active
 * @param host      the resource in alert, or null
 * @param service   an explicit service, or null: the parser then names it datasource/instance
 * @param severity  the platform's level as sent ({@code 2}, {@code warning}, {@code critical}...), or null
 * @param message   the alert's text
 * @param resourceId the platform's id of the resource, or null
 * @param fields    the alert's other fields, kept as structured fields ({@code datasource}, {@code instance},
 *                  {@code datapoint}, {@code alert_type}, {@code alert_value}, {@code threshold}...)
 * @param metadata  metadata as sent
 */
public record AlertReport(String alertId, Instant startedAt, Optional<Instant> clearedAt, String host,
        String service, String severity, String message, String resourceId, Map<String, Object> fields,
        Map<String, Object> metadata) {

    public static final String SOURCE_TYPE = "logicmonitor";
    public static final String STATUS_ACTIVE = "active";
    public static final String STATUS_CLEARED = "cleared";
    /** At most this many characters of an alert id are kept (LogicMonitor's are like {@code DS1234567}). */
    public static final int MAX_ALERT_ID_CHARS = 200;

    public AlertReport {
        alertId = DomainViolation.requireText(alertId, "alert_id").strip();
        if (alertId.length() > MAX_ALERT_ID_CHARS) {
            throw new DomainViolation("alert_id must be at most " + MAX_ALERT_ID_CHARS + " characters");
        }
        DomainViolation.requirePresent(startedAt, "started_at");
        clearedAt = clearedAt == null ? Optional.empty() : clearedAt;
        if (clearedAt.isPresent() && clearedAt.get().isBefore(startedAt)) {
            throw new DomainViolation("cleared_at (" + clearedAt.get() + ") is before the alert started ("
                    + startedAt + ")");
        }
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(withoutNulls(fields));
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    public boolean cleared() {
        return clearedAt.isPresent();
    }

    /**
     * The envelope that records {@code change} (never {@link AlertChange#UNCHANGED}): a {@code logicmonitor}
     * envelope whose structured fields say {@code alert_status} active or cleared, with {@code alert_id},
     * {@code started_at} and, once cleared, {@code cleared_at} — what self-heal detection pairs on. The raise is
     * timed at the start, a later clearing at its clearing time.
     */
    public EnvelopeContent envelope(TenantId tenant, String sourcePath, AlertChange change) {
        if (!change.writes()) {
            throw new IllegalArgumentException("an unchanged alert is not written");
        }
        Map<String, Object> structured = new LinkedHashMap<>(fields);
        structured.put(LogicMonitorSourceParser.ALERT_ID, alertId);
        structured.put(LogicMonitorSourceParser.ALERT_STATUS, change.clears() ? STATUS_CLEARED : STATUS_ACTIVE);
        structured.put(LogicMonitorSourceParser.STARTED_AT, startedAt.toString());
        if (change.clears()) {
            structured.put(LogicMonitorSourceParser.CLEARED_AT, clearedAt.orElseThrow(() ->
                    new IllegalArgumentException("alert " + alertId + " is not cleared")).toString());
        }
        if (host != null) {
            structured.put(LogicMonitorSourceParser.RESOURCE_NAME, host);
        }
        Instant at = change == AlertChange.CLEARED ? clearedAt.orElseThrow() : startedAt;
        return EnvelopeContent.builder(tenant).sourceType(SOURCE_TYPE).sourceId(resourceId).sourceName(host)
                .sourcePath(sourcePath).timestamp(at.toString()).host(host).service(service).severity(severity)
                .messageRaw(message).structuredFields(structured).metadata(metadata).build();
    }
}
