package io.brainstem.adapters.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the JSON intake (issue 16): whatever bytes or JSON a client sends as an ingest body, reading it ends in
 * envelopes or in one of the errors the API answers with a 4xx — never in another exception, which would be a 500.
 * Valid events read back as they were sent.
 */
class JsonIntakeProperties {

    private static final TenantId DEFAULT = TenantId.of("default");

    /** Reads a batch body as {@code POST /ingest/batch} does, up to the envelopes. */
    private static List<EnvelopeContent> readBatch(byte[] body) {
        IngestRequests.BatchRequest batch = JsonCodec.read(body, IngestRequests.BatchRequest.class);
        if (batch == null || batch.events() == null) {
            return List.of();
        }
        return batch.events().stream().map(e -> e == null ? null : e.toContent(DEFAULT)).toList();
    }

    private static void answeredWithA4xx(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            assertTrue(e.status().code() >= 400 && e.status().code() < 500, e.status() + " " + e.getMessage());
        } catch (InvalidRequestException | DomainViolation e) {
            // mapped to 400 with its code (ErrorMapping)
        } catch (RuntimeException e) {
            fail("a client's body ended in " + e + ", which would be a 500", e);
        }
    }

    @Property(tries = 2000)
    void anyBytesEndInEnvelopesOrA4xx(@ForAll @Size(max = 400) byte[] body) {
        answeredWithA4xx(() -> readBatch(body));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null),
                Arbitraries.just("1e400").map(s -> (Object) new RawNumber(s)));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of("tenant_id", "source_type", "message_raw", "host", "severity",
                        "timestamp", "structured_fields", "metadata", "events", "threshold", "db_path", "x"), inner)
                        .ofMaxSize(6).map(m -> (Object) m)), 3);
    }

    /** A number literal written as it is (e.g. beyond a double). */
    record RawNumber(String text) {
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof RawNumber n) {
            return n.text();
        }
        if (v instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            s.chars().forEach(c -> b.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", c)
                    : String.valueOf((char) c)));
            return b.append('"').toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "0" : d.toString();
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(",", l.stream().map(JsonIntakeProperties::json).toList()) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            return "{" + String.join(",", m.entrySet().stream()
                    .map(e -> json(e.getKey()) + ":" + json(e.getValue())).toList()) + "}";
        }
        return String.valueOf(v);
    }

    @Property(tries = 2000)
    void anyJsonShapeEndsInEnvelopesOrA4xx(@ForAll("jsonValues") Object events, @ForAll("jsonValues") Object other) {
        String body = "{\"events\":" + json(events) + ",\"threshold\":" + json(other) + "}";
        answeredWithA4xx(() -> readBatch(body.getBytes(UTF_8)));
        answeredWithA4xx(() -> JsonCodec.read(json(events).getBytes(UTF_8), IngestRequests.EventRequest.class)
                .toContent(DEFAULT));
    }

    @Property(tries = 1000)
    void aValidEventReadsBackAsSent(@ForAll("text") String tenant, @ForAll("text") String host,
            @ForAll("text") String message) {
        String body = "{\"events\":[{\"tenant_id\":" + json(tenant) + ",\"source_type\":\"syslog\",\"host\":"
                + json(host) + ",\"message_raw\":" + json(message) + "}]}";
        List<EnvelopeContent> read = readBatch(body.getBytes(UTF_8));
        assertEquals(1, read.size());
        assertEquals(tenant, read.getFirst().tenantId().value());
        assertEquals(host, read.getFirst().host());
        assertEquals(message, read.getFirst().messageRaw());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('!', '~').withChars('é', '中', 'ß').ofMinLength(1).ofMaxLength(40);
    }
}
