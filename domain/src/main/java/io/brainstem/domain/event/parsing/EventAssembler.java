package io.brainstem.domain.event.parsing;

import io.brainstem.domain.event.ParsedEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lays the client's explicit fields over what a parser found and records where each field came from.
 *
 * <p>Precedence, per field: client → parser ({@code parsed}, {@code mnemonic}, {@code logicmonitor}) →
 * fallback ({@code received_at} for the timestamp, {@code default} notice for the severity, {@code sender}
 * — the address a network listener recorded in metadata {@code sender_address} — for the host, else
 * {@code none} for host, service, facility). Structured fields: the parser's, then the client's on top (client wins on
 * a clash of keys).
 *
 * <p>A client severity or facility that is not a known name, alias or code does not fail the envelope: the
 * parsed or default value is used, and the text the client sent is recorded in {@code fieldSources} under
 * {@link #SEVERITY_UNRECOGNIZED} / {@link #FACILITY_UNRECOGNIZED} (cut to {@value #MAX_ECHO} characters).
 */
public final class EventAssembler {

    public static final String TIMESTAMP = "timestamp";
    public static final String HOST = "host";
    public static final String SERVICE = "service";
    public static final String SEVERITY = "severity";
    public static final String FACILITY = "facility";
    public static final String SEVERITY_UNRECOGNIZED = "severity_client_unrecognized";
    public static final String FACILITY_UNRECOGNIZED = "facility_client_unrecognized";
    static final int MAX_ECHO = 64;

    private EventAssembler() {
    }

    public static ParsedEvent assemble(Extraction.Found found, ClientFields client, Instant receivedAt,
            Map<String, Object> extraFields) {
        Map<String, String> sources = new HashMap<>(8);
        sources.putAll(found.sourceNotes());
        Instant timestamp = pick(TIMESTAMP, client.timestamp(), found.timestamp(),
                Sourced.of(receivedAt, FieldSource.RECEIVED_AT), sources);
        // a message that names no host is from its sender (the address a network listener recorded)
        Sourced<String> hostFallback = client.senderAddress() != null
                ? Sourced.of(client.senderAddress(), FieldSource.SENDER) : Sourced.none();
        String host = pick(HOST, client.host(), found.host(), hostFallback, sources);
        String service = pick(SERVICE, client.service(), found.service(), Sourced.none(), sources);

        Optional<Severity> clientSeverity = Severity.parse(client.severity());
        if (client.severity() != null && clientSeverity.isEmpty()) {
            sources.put(SEVERITY_UNRECOGNIZED, Text.truncate(client.severity(), MAX_ECHO));
        }
        Severity severity = pick(SEVERITY, clientSeverity.orElse(null), found.severity(),
                Sourced.of(Severity.NOTICE, FieldSource.DEFAULT), sources);

        Optional<SyslogFacility> clientFacility = SyslogFacility.parse(client.facility());
        if (client.facility() != null && clientFacility.isEmpty()) {
            sources.put(FACILITY_UNRECOGNIZED, Text.truncate(client.facility(), MAX_ECHO));
        }
        String facility = pick(FACILITY, clientFacility.map(SyslogFacility::wireName).orElse(null),
                found.facility(), Sourced.none(), sources);

        Map<String, Object> fields = found.structuredFields();
        if (!extraFields.isEmpty() || !client.structuredFields().isEmpty()) {
            fields = new LinkedHashMap<>(found.structuredFields());
            fields.putAll(extraFields);
            fields.putAll(client.structuredFields());
        }
        return new ParsedEvent(timestamp, host, service, severity, facility, found.message(), fields, sources);
    }

    private static <T> T pick(String field, T fromClient, Sourced<T> parsed, Sourced<T> fallback,
            Map<String, String> sources) {
        Sourced<T> chosen = fromClient != null ? Sourced.of(fromClient, FieldSource.CLIENT)
                : parsed.isPresent() ? parsed : fallback;
        sources.put(field, chosen.source().wireName());
        return chosen.value();
    }
}
