package io.brainstem.application.port.out;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.ReviewId;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builders of aggregates shared by the storage contract tests. */
public final class StorageFixtures {

    public static final TenantId TENANT = TenantId.of("demo-tenant");
    public static final Instant T0 = Instant.parse("2026-03-22T03:00:00.123456Z");
    public static final ParserInfo PARSER = new ParserInfo("rfc3164", "1.0.0");

    private StorageFixtures() {
    }

    public static EnvelopeContent content(String message) {
        return content(TENANT, message);
    }

    public static EnvelopeContent content(TenantId tenant, String message) {
        return EnvelopeContent.builder(tenant).sourceType("syslog").sourceId("fw-01").sourceName("edge-fw-01")
                .sourcePath("/var/log/syslog").timestamp("2026-03-22T03:00:00Z").host("fw-01").service("charon")
                .severity("info").assetId("fw-01").facility("daemon").messageRaw(message)
                .structuredFields(Map.of("peer", "203.0.113.10", "attempt", 3, "nested", Map.of("k", List.of(1, 2))))
                .correlationKeys(Map.of("ticket", "INC-1")).metadata(Map.of("via", "test"))
                .build();
    }

    public static CanonicalEvent event(long id, TenantId tenant, SignatureId signature, Instant at) {
        return event(id, tenant, signature, at, "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped");
    }

    /** An event of an envelope made by {@link #content}, with its own host, service, severity and message. */
    public static CanonicalEvent event(long id, TenantId tenant, SignatureId signature, Instant at, String host,
            String service, Severity severity, String message) {
        return new CanonicalEvent(new RawEnvelopeId(id), tenant, "syslog", "fw-01", "/var/log/syslog", at, host,
                service, severity, "daemon", message, EventFamily.VPN, signature,
                Map.of("peer", "203.0.113.10"), Map.of("host", "client"), PARSER, at);
    }

    /** Runs {@code work} in one write unit of work. */
    public static void write(Storage s, Runnable work) {
        s.unitOfWork().write(() -> {
            work.run();
            return null;
        });
    }

    /** Receives one envelope of {@link #content} per message, all at {@code at}. */
    public static List<RawEnvelope> receive(Storage s, Instant at, String... messages) {
        return s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(
                java.util.Arrays.stream(messages).map(StorageFixtures::content).toList(), at));
    }

    /** {@code candidate} promoted at {@code at}, with one sample message. */
    public static Incident incident(Candidate candidate, String title, String summary, List<String> templates,
            Instant at) {
        return Incident.promote(candidate, title, summary, null, templates, List.of("sample of " + title), "ops", at);
    }

    public static Review review(long bits, TenantId tenant, SubjectType type, String subjectId,
            ReviewDecision decision, Instant at) {
        return new Review(ReviewId.of(bits), tenant, type, subjectId, decision, "notes " + bits, "ana", at,
                Optional.empty());
    }

    public static Signature signature(TenantId tenant, String template, Instant at) {
        return Signature.restore(SignatureId.derive(tenant.value(), template), tenant, template,
                template.replace("<*>", "7"), 3, at, at.plusSeconds(60), Set.of("fw-01", "fw-02"), 2, "charon",
                EventFamily.VPN);
    }

    public static Candidate candidate(TenantId tenant, String key, double recurrence, Instant at) {
        return candidate(tenant, CandidateType.RECURRENCE, key, "Recurring " + key, recurrence, List.of("fw-01"), at);
    }

    public static Candidate candidate(TenantId tenant, CandidateType type, String key, String title,
            double recurrence, List<String> hosts, Instant at) {
        return Candidate.detect(tenant, type, key, title,
                new ScoreBreakdown(recurrence, 0.5, 0.1, 0.2, 0, 1), "seen often",
                new Evidence(4, List.of("sig_1"), hosts, at, at.plusSeconds(5), List.of(1L, 2L),
                        Map.of("recovery_seconds_max", 40.0)), at);
    }
}
