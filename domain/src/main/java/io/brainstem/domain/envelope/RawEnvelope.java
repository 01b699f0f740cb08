package io.brainstem.domain.envelope;

import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The raw envelope aggregate: what a client sent, when it arrived, and how far brainstem got with it.
 * It is persisted before anything else happens, so it is never lost; parsing only moves its status.
 */
public final class RawEnvelope {

    private final RawEnvelopeId id;
    private final EnvelopeContent content;
    private final Instant receivedAt;
    private EnvelopeStatus status;
    private String failureReason;
    private ParserInfo parser;
    private int attempts;
    private Instant lastAttemptAt;

    private RawEnvelope(RawEnvelopeId id, EnvelopeContent content, Instant receivedAt, EnvelopeStatus status,
            String failureReason, ParserInfo parser, int attempts, Instant lastAttemptAt) {
        this.id = DomainViolation.requirePresent(id, "raw_envelope_id");
        this.content = DomainViolation.requirePresent(content, "envelope content");
        this.receivedAt = DomainViolation.requirePresent(receivedAt, "received_at");
        this.status = DomainViolation.requirePresent(status, "status");
        if (attempts < 0) {
            throw new DomainViolation("attempts must not be negative");
        }
        if (status == EnvelopeStatus.RECEIVED && attempts > 0 && failureReason != null) {
            throw new DomainViolation("a received envelope carries no failure reason");
        }
        this.failureReason = failureReason;
        this.parser = parser;
        this.attempts = attempts;
        this.lastAttemptAt = lastAttemptAt;
    }

    /** A freshly received envelope: status {@code received}, no attempt yet. */
    public static RawEnvelope receive(RawEnvelopeId id, EnvelopeContent content, Instant receivedAt) {
        return new RawEnvelope(id, content, receivedAt, EnvelopeStatus.RECEIVED, null, null, 0, null);
    }

    /** Rebuilds an envelope from storage, exactly as it was saved. */
    public static RawEnvelope restore(RawEnvelopeId id, EnvelopeContent content, Instant receivedAt,
            EnvelopeStatus status, String failureReason, ParserInfo parser, int attempts, Instant lastAttemptAt) {
        return new RawEnvelope(id, content, receivedAt, status, failureReason, parser, attempts, lastAttemptAt);
    }

    public void markCanonicalized(ParserInfo parser, Instant at) {
        attempt(EnvelopeStatus.CANONICALIZED, null, parser, at);
    }

    public void markParseFailed(String reason, ParserInfo parser, Instant at) {
        attempt(EnvelopeStatus.PARSE_FAILED, DomainViolation.requireText(reason, "failure reason"), parser, at);
    }

    public void markUnsupported(String reason, ParserInfo parser, Instant at) {
        attempt(EnvelopeStatus.UNSUPPORTED, DomainViolation.requireText(reason, "failure reason"), parser, at);
    }

    private void attempt(EnvelopeStatus next, String reason, ParserInfo parser, Instant at) {
        this.status = next;
        this.failureReason = reason;
        this.parser = DomainViolation.requirePresent(parser, "parser");
        this.attempts++;
        this.lastAttemptAt = DomainViolation.requirePresent(at, "attempt time");
    }

    /**
     * Whether a replay may re-run this envelope. Without {@code force} only envelopes whose status is in
     * {@code allowed} qualify; with it, every envelope does.
     */
    public boolean isReplayable(Set<EnvelopeStatus> allowed, boolean force) {
        return force || allowed.contains(status);
    }

    public RawEnvelopeId id() { return id; }
    public EnvelopeContent content() { return content; }
    public TenantId tenantId() { return content.tenantId(); }
    public Instant receivedAt() { return receivedAt; }
    public EnvelopeStatus status() { return status; }
    public Optional<String> failureReason() { return Optional.ofNullable(failureReason); }
    public Optional<ParserInfo> parser() { return Optional.ofNullable(parser); }
    public int attempts() { return attempts; }
    public Optional<Instant> lastAttemptAt() { return Optional.ofNullable(lastAttemptAt); }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawEnvelope other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "RawEnvelope[" + id.value() + ", " + status.wireName() + "]";
    }
}
