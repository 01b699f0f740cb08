package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An alert as the HTTP adapter hands it over: see {@code LogicMonitorSourceParser}. */
class LogicMonitorAlertTest {

    private static final Instant RECEIVED = Instant.parse("2024-11-24T10:00:30Z");

    private final Canonicalizer canonicalizer = new Canonicalizer();

    private static EnvelopeContent.Builder alert(String severity, Map<String, Object> fields,
            Map<String, Object> metadata) {
        return EnvelopeContent.builder(TenantId.DEFAULT).sourceType("logicmonitor")
                .messageRaw("IPSec tunnel tun0 to 198.51.100.2 is down").severity(severity)
                .structuredFields(fields).metadata(metadata);
    }

    private static Map<String, Object> tunnelAlert() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("resource_id", 4711);
        fields.put("resource_name", "fw-01");
        fields.put("id", "LMD123456");
        fields.put("status", "active");
        fields.put("start_epoch", 1_732_442_400L);
        return fields;
    }

    private ParseOutcome.Parsed parse(EnvelopeContent content) {
        ParseOutcome outcome = canonicalizer.canonicalize(content, RECEIVED);
        return assertInstanceOf(ParseOutcome.Parsed.class, outcome, outcome::toString);
    }

    @Test
    void mapsAnAlertToHostServiceSeverityAndTimestamp() {
        ParseOutcome.Parsed parsed = parse(alert("critical", tunnelAlert(),
                Map.of("datasource", "IPSec Tunnel", "instance", "tun0", "datapoint", "State")).build());
        ParsedEvent event = parsed.event();

        assertEquals("logicmonitor", parsed.parser().name());
        assertEquals("1.0.0", parsed.parser().version());
        assertEquals("fw-01", event.host());
        assertEquals("IPSec Tunnel/tun0", event.service());
        assertEquals(Severity.CRIT, event.severity());
        assertEquals(Instant.parse("2024-11-24T10:00:00Z"), event.timestamp());
        assertEquals("IPSec tunnel tun0 to 198.51.100.2 is down", event.message());
        assertEquals(Map.of("timestamp", "logicmonitor", "host", "logicmonitor", "service", "logicmonitor",
                "severity", "logicmonitor", "facility", "none"), event.fieldSources());
    }

    @Test
    void keepsAlertFieldsAndAddsNormalizedOnes() {
        Map<String, Object> fields = tunnelAlert();
        fields.put("cleared_at", "2024-11-24T11:30:00+01:00");
        Map<String, Object> structured = parse(alert("error", fields, Map.of("datasource", "IPSec Tunnel")).build())
                .event().structuredFields();

        assertEquals("LMD123456", structured.get("alert_id"));
        assertEquals("active", structured.get("alert_status"));
        assertEquals("2024-11-24T10:00:00Z", structured.get("started_at"));
        assertEquals("2024-11-24T10:30:00Z", structured.get("cleared_at"));
        assertEquals("IPSec Tunnel", structured.get("datasource"));
        assertEquals(4711, structured.get("resource_id"));
        assertEquals("LMD123456", structured.get("id"));
        assertEquals(1_732_442_400L, structured.get("start_epoch"));
    }

    @Test
    void datapointNamesTheServiceWhenThereIsNoInstance() {
        assertEquals("Ping/PingLossPercent", parse(alert("warn", tunnelAlert(),
                Map.of("datasource", "Ping", "datapoint", "PingLossPercent")).build()).event().service());
    }

    @ParameterizedTest
    @CsvSource({"2, warning", "3, err", "4, crit", "warn, warning", "Warning, warning", "error, err",
            "critical, crit", "info, info"})
    void readsLogicMonitorLevels(String level, String expected) {
        assertEquals(expected, parse(alert(level, tunnelAlert(), Map.of()).build()).event().severity().wireName());
    }

    @Test
    void anUnknownLevelFallsBackToNoticeAndIsRecorded() {
        ParsedEvent event = parse(alert("7", tunnelAlert(), Map.of()).build()).event();

        assertEquals(Severity.NOTICE, event.severity());
        assertEquals("default", event.fieldSources().get("severity"));
        assertEquals("7", event.fieldSources().get("severity_client_unrecognized"));
    }

    @Test
    void explicitEnvelopeHostAndTimestampStillWin() {
        ParsedEvent event = parse(alert("2", tunnelAlert(), Map.of()).host("fw-01.example.net")
                .timestamp("2024-11-24T09:00:00Z").build()).event();

        assertEquals("fw-01.example.net", event.host());
        assertEquals(Instant.parse("2024-11-24T09:00:00Z"), event.timestamp());
        assertEquals("client", event.fieldSources().get("host"));
    }

    @Test
    void anAlertWithoutMessageFails() {
        ParseOutcome outcome = canonicalizer.canonicalize(alert("2", tunnelAlert(), Map.of()).messageRaw(" ")
                .build(), RECEIVED);

        assertEquals("logicmonitor", assertInstanceOf(ParseOutcome.Failed.class, outcome).parser().name());
    }
}
