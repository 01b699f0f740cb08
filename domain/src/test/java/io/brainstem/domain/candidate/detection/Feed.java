package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamilyClassifier;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays the part of the ingest service for tests: keeps signatures the way the application does (a token with a
 * digit becomes {@code <*>}, like the masking miner), builds canonical events with increasing ids and hands each
 * to the detector after its signature has counted it.
 */
final class Feed {

    static final TenantId TENANT = TenantId.of("acme");
    static final Instant T0 = Instant.parse("2026-03-15T03:00:00Z");
    private static final ParserInfo PARSER = new ParserInfo("test", "1");

    private final CandidateDetector detector;
    private final Map<String, Signature> signatures = new LinkedHashMap<>();
    private final List<Assessment> all = new ArrayList<>();
    private long nextId = 1;
    private int threshold = 2;

    Feed() {
        this(new CandidateDetector());
    }

    Feed(CandidateDetector detector) {
        this.detector = detector;
    }

    Feed threshold(int t) {
        this.threshold = t;
        return this;
    }

    /** A syslog line. */
    List<Assessment> syslog(Instant at, String host, String service, Severity severity, String message) {
        return send(at, host, service, severity, message, "syslog", Map.of());
    }

    /** A LogicMonitor alert event with its structured fields. */
    List<Assessment> logicMonitor(Instant at, String host, String service, String message,
            Map<String, Object> fields) {
        return send(at, host, service, Severity.WARNING, message, "logicmonitor", fields);
    }

    List<Assessment> send(Instant at, String host, String service, Severity severity, String message,
            String sourceType, Map<String, Object> fields) {
        String template = mask(message);
        Signature signature = signatures.get(template);
        if (signature == null) {
            signature = Signature.first(SignatureId.derive(TENANT.value(), template), TENANT, template, message, at,
                    host, service, EventFamilyClassifier.classify(template, service));
            signatures.put(template, signature);
        } else {
            signature.recordOccurrence(template, at, host, service);
        }
        CanonicalEvent event = new CanonicalEvent(new RawEnvelopeId(nextId++), TENANT, sourceType, "test", "/test", at,
                host, service, severity, null, message, signature.eventFamily(), signature.id(), fields, Map.of(),
                PARSER, at);
        List<Assessment> result = detector.observe(event, signature, threshold);
        all.addAll(result);
        return result;
    }

    long lastEventId() {
        return nextId - 1;
    }

    String signatureId(String template) {
        return SignatureId.derive(TENANT.value(), template).value();
    }

    CandidateDetector detector() {
        return detector;
    }

    /** Every assessment returned so far, in order. */
    List<Assessment> all() {
        return List.copyOf(all);
    }

    List<Assessment> all(CandidateType type) {
        return all.stream().filter(a -> a.type() == type).collect(Collectors.toList());
    }

    static List<Assessment> only(List<Assessment> assessments, CandidateType type) {
        return assessments.stream().filter(a -> a.type() == type).toList();
    }

    static String mask(String message) {
        StringBuilder out = new StringBuilder();
        for (String token : message.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.chars().anyMatch(Character::isDigit) ? "<*>" : token);
        }
        return out.toString();
    }
}
