package io.brainstem.adapters.logicmonitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.domain.alert.AlertReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Reads a page of {@code GET /alert/alerts} (REST API v3: {@code {"total", "items": [...]}}; the older
 * {@code {"data": {...}}} wrapper is read too) into alert reports:
 * <ul>
 *   <li>{@code id} → alert id; {@code startEpoch} → start; {@code cleared} / {@code endEpoch} → clearing
 *       ({@code endEpoch} when set, else the time of the fetch);</li>
 *   <li>{@code severity} 2/3/4 → the level the LogicMonitor parser reads as warning/err/crit;</li>
 *   <li>{@code monitorObjectName} → host; {@code resourceTemplateName} (datasource) and {@code instanceName} →
 *       the service the parser names {@code datasource/instance};</li>
 *   <li>{@code type}, {@code dataPointName}, {@code alertValue}, {@code threshold} and a few more → structured
 *       fields; {@code detailMessage.subject} (or a sentence made of datasource, instance, datapoint, value and
 *       threshold) → the message.</li>
 * </ul>
 * An item without an id or a start is skipped and counted.
 */
final class AlertPageJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MILLIS_ABOVE = 100_000_000_000L;

    /** What a page held: the readable alerts, the portal's total, and how many items were not alerts. */
    record Page(List<AlertReport> alerts, long total, int skipped) {
    }

    private AlertPageJson() {
    }

    static Page read(byte[] body, String portalName, Instant fetchedAt) throws IOException {
        JsonNode root = MAPPER.readTree(body);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode page = root.has("items") ? root : root.path("data");
        JsonNode items = page.path("items");
        if (!items.isArray()) {
            throw new IOException("no 'items' array");
        }
        List<AlertReport> alerts = new ArrayList<>(items.size());
        int skipped = 0;
        for (JsonNode item : items) {
            Optional<AlertReport> alert = alert(item, portalName, fetchedAt);
            if (alert.isPresent()) {
                alerts.add(alert.get());
            } else {
                skipped++;
            }
        }
        long total = page.path("total").canConvertToLong() ? page.path("total").asLong() : alerts.size() + skipped;
        return new Page(alerts, total, skipped);
    }

    static Optional<AlertReport> alert(JsonNode item, String portalName, Instant fetchedAt) {
        String id = text(item, "id");
        JsonNode start = item.path("startEpoch");
        if (id == null || !start.canConvertToLong() || start.asLong() <= 0) {
            return Optional.empty();
        }
        Instant startedAt = epoch(start.asLong());
        long end = item.path("endEpoch").canConvertToLong() ? item.path("endEpoch").asLong() : 0;
        Instant clearedAt = end > 0 ? epoch(end) : item.path("cleared").asBoolean(false) ? fetchedAt : null;
        if (clearedAt != null && clearedAt.isBefore(startedAt)) {
            clearedAt = startedAt;
        }
        String datasource = text(item, "resourceTemplateName");
        String instance = text(item, "instanceName");
        String datapoint = text(item, "dataPointName");
        String value = text(item, "alertValue");
        String threshold = text(item, "threshold");
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "datasource", datasource);
        put(fields, "instance", instance);
        put(fields, "datapoint", datapoint);
        put(fields, "alert_type", text(item, "type"));
        put(fields, "alert_value", value);
        put(fields, "threshold", threshold);
        put(fields, "rule", text(item, "rule"));
        put(fields, "internal_id", text(item, "internalId"));
        put(fields, "resource_template_type", text(item, "resourceTemplateType"));
        if (item.has("acked")) {
            fields.put("acknowledged", item.path("acked").asBoolean());
        }
        if (item.path("severity").canConvertToInt()) {
            fields.put("lm_severity", item.path("severity").asInt());
        }
        String resourceId = Optional.ofNullable(text(item, "monitorObjectId")).orElse(text(item, "resourceId"));
        String message = Optional.ofNullable(text(item.path("detailMessage"), "subject"))
                .orElseGet(() -> sentence(datasource, instance, datapoint, value, threshold, text(item, "type")));
        return Optional.of(new AlertReport(id, startedAt, Optional.ofNullable(clearedAt),
                text(item, "monitorObjectName"), null, text(item, "severity"), message, resourceId, fields,
                Map.of("portal", portalName, "connector", "logicmonitor_sync")));
    }

    /** "IPSec Tunnel site-b TunnelState = 0 (threshold = 0)", from what the alert names. */
    private static String sentence(String datasource, String instance, String datapoint, String value,
            String threshold, String type) {
        StringJoiner what = new StringJoiner(" ");
        for (String part : new String[] {datasource, instance, datapoint}) {
            if (part != null) {
                what.add(part);
            }
        }
        StringBuilder s = new StringBuilder(what.length() > 0 ? what.toString()
                : "LogicMonitor " + (type == null ? "alert" : type));
        if (value != null) {
            s.append(" = ").append(value);
        }
        if (threshold != null) {
            s.append(" (threshold ").append(threshold).append(')');
        }
        return s.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static void put(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static Instant epoch(long value) {
        return value > MILLIS_ABOVE ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
