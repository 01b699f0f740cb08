package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A syslog message that names no host is from its sender; one that names a host keeps it. */
class CanonicalizerSenderTest {

    private static ParsedEvent parse(String line) {
        EnvelopeContent content = EnvelopeContent.builder(TenantId.of("t")).sourceType("syslog").messageRaw(line)
                .metadata(Map.of("sender_address", "192.0.2.7", "sender_port", 514)).build();
        return ((ParseOutcome.Parsed) new Canonicalizer().canonicalize(content,
                Instant.parse("2026-03-22T03:00:05Z"))).event();
    }

    @Test
    void noHostInTheMessageMeansTheSenderIsTheHost() {
        ParsedEvent event = parse("<13>sshd[99]: Accepted publickey for deploy");
        assertEquals("192.0.2.7", event.host());
        assertEquals("sender", event.fieldSources().get("host"));
    }

    @Test
    void aHostInTheMessageWinsOverTheSender() {
        ParsedEvent event = parse("<30>Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered");
        assertEquals("fw-01", event.host());
        assertEquals("parsed", event.fieldSources().get("host"));
    }
}
