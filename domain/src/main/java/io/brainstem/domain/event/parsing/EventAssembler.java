package io.brainstem.domain.event.parsing;

import io.brainstem.domain.event.EventTime;
import io.brainstem.domain.event.HostName;
import io.brainstem.domain.event.ParsedEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.Text;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
        Map<String, String> notes = found.sourceNotes();
        Sourced<Instant> timestamp = pick(client.timestamp(), found.timestamp(),
                Sourced.of(receivedAt, FieldSource.RECEIVED_AT));
        // a message that names no host is from its sender (the address a network listener recorded)
        Sourced<String> hostFallback = client.senderAddress() != null
                ? Sourced.of(client.senderAddress(), FieldSource.SENDER) : Sourced.none();
        Sourced<String> host = pick(client.host(), found.host(), hostFallback);
        Sourced<String> service = pick(client.service(), found.service(), Sourced.none());

        Optional<Severity> clientSeverity = Severity.parse(client.severity());
        if (client.severity() != null && clientSeverity.isEmpty()) {
            notes = with(notes, SEVERITY_UNRECOGNIZED, Text.truncate(client.severity(), MAX_ECHO));
        }
        Sourced<Severity> severity = pick(clientSeverity.orElse(null), found.severity(),
                Sourced.of(Severity.NOTICE, FieldSource.DEFAULT));

        Optional<SyslogFacility> clientFacility = SyslogFacility.parse(client.facility());
        if (client.facility() != null && clientFacility.isEmpty()) {
            notes = with(notes, FACILITY_UNRECOGNIZED, Text.truncate(client.facility(), MAX_ECHO));
        }
        Sourced<String> facility = pick(clientFacility.map(SyslogFacility::wireName).orElse(null),
                found.facility(), Sourced.none());
        String outOfBounds = timestamp.source() == FieldSource.RECEIVED_AT ? null
                : EventTime.outOfBounds(timestamp.value(), receivedAt);
        if (outOfBounds != null) {
            notes = with(notes, EventTime.OUT_OF_BOUNDS, outOfBounds);
        }
        Map<String, String> sources = sources(timestamp.source(), host.source(), service.source(),
                severity.source(), facility.source(), notes);

        Map<String, Object> fields = found.structuredFields();
        if (!extraFields.isEmpty() || !client.structuredFields().isEmpty()) {
            fields = new LinkedHashMap<>(found.structuredFields());
            fields.putAll(extraFields);
            fields.putAll(client.structuredFields());
        }
        return new ParsedEvent(timestamp.value(), HostName.normalize(host.value()), service.value(), severity.value(), facility.value(),
                found.message(), fields, sources);
    }

    private static <T> Sourced<T> pick(T fromClient, Sourced<T> parsed, Sourced<T> fallback) {
        return fromClient != null ? Sourced.of(fromClient, FieldSource.CLIENT) : parsed.isPresent() ? parsed : fallback;
    }

    private static Map<String, String> with(Map<String, String> notes, String key, String value) {
        Map<String, String> more = new HashMap<>(notes);
        more.put(key, value);
        return more;
    }

    private static final int SOURCES = FieldSource.values().length;

    /**
     * Field-source maps without notes, shared: there are at most 8^5 of them, and in practice a handful, while
     * every event needs one. Indexed by the five sources' ordinals; filled lazily. Entries are immutable maps, so
     * a racy read sees a whole map or null (then builds an equal one).
     */
    private static final AtomicReferenceArray<Map<String, String>> PLAIN =
            new AtomicReferenceArray<>(SOURCES * SOURCES * SOURCES * SOURCES * SOURCES);

    private static Map<String, String> sources(FieldSource timestamp, FieldSource host, FieldSource service,
            FieldSource severity, FieldSource facility, Map<String, String> notes) {
        if (notes.isEmpty()) {
            int index = (((timestamp.ordinal() * SOURCES + host.ordinal()) * SOURCES + service.ordinal()) * SOURCES
                    + severity.ordinal()) * SOURCES + facility.ordinal();
            Map<String, String> shared = PLAIN.get(index);
            if (shared == null) {
                shared = Map.of(TIMESTAMP, timestamp.wireName(), HOST, host.wireName(), SERVICE, service.wireName(),
                        SEVERITY, severity.wireName(), FACILITY, facility.wireName());
                PLAIN.set(index, shared);
            }
            return shared;
        }
        Map<String, String> sources = new HashMap<>(notes);
        sources.put(TIMESTAMP, timestamp.wireName());
        sources.put(HOST, host.wireName());
        sources.put(SERVICE, service.wireName());
        sources.put(SEVERITY, severity.wireName());
        sources.put(FACILITY, facility.wireName());
        return sources;
    }
}
