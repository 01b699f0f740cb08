package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.PARSER;
import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.candidate;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static io.brainstem.application.port.out.StorageFixtures.signature;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.EnvelopeFilter;
import io.brainstem.application.port.in.InspectionQueries.EventFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InspectionReadModel} must answer, over the same small data set. */
public abstract class InspectionReadModelContract {

    protected abstract Storage storage();

    private Storage s;
    private List<RawEnvelope> envelopes;

    @BeforeEach
    void seed() {
        s = storage();
        envelopes = s.unitOfWork().write(() -> {
            EnvelopeContent other = EnvelopeContent.builder(TenantId.of("other")).sourceType("file")
                    .sourceId("app").sourcePath("/var/log/app.log").messageRaw("x").build();
            List<RawEnvelope> r = s.rawEnvelopes().receiveAll(List.of(content("a"), content("b"), other,
                    content("c")), T0);
            r.get(1).markParseFailed("bad", PARSER, T0);
            r.get(2).markUnsupported("nope", PARSER, T0);
            r.get(3).markCanonicalized(PARSER, T0);
            s.rawEnvelopes().saveOutcomes(r);
            Signature frequent = signature(TENANT, "VPN tunnel <*>", T0);
            frequent.recordOccurrence("VPN tunnel <*>", T0, "fw-01", "charon");
            s.signatures().saveAll(List.of(frequent, signature(TENANT, "fan <*> failed", T0)));
            s.canonicalEvents().saveAll(List.of(event(r.get(0).id().value(), TENANT, frequent.id(), T0),
                    event(r.get(3).id().value(), TENANT, frequent.id(), T0)));
            s.candidates().saveAll(List.of(candidate(TENANT, "low", 0.1, T0), candidate(TENANT, "high", 1.0, T0)));
            return r;
        });
    }

    private <T> T read(java.util.function.Function<InspectionReadModel, T> q) {
        return s.unitOfWork().read(() -> q.apply(s.inspection()));
    }

    @Test
    void candidatesFilterByBandAndScoreHighestFirst() {
        List<Candidate> all = read(r -> r.candidates(CandidateFilter.NONE, 10));
        assertEquals(2, all.size());
        assertEquals("high", all.getFirst().patternKey());
        DecisionBand highBand = all.getFirst().decisionBand();
        assertEquals(List.of("high"), read(r -> r.candidates(new CandidateFilter(Optional.empty(), Optional.empty(),
                Optional.of(highBand), Optional.empty()), 10)).stream().map(Candidate::patternKey).toList());
        assertEquals(1, read(r -> r.candidates(new CandidateFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(0.4)), 10)).size());
        assertEquals(1, read(r -> r.candidates(CandidateFilter.NONE, 1)).size());
    }

    @Test
    void signaturesFilterAndOrderByOccurrences() {
        List<Signature> all = read(r -> r.signatures(SignatureFilter.NONE, 10));
        assertEquals("VPN tunnel <*>", all.getFirst().template());
        assertEquals(1, read(r -> r.signatures(new SignatureFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(4L)), 10)).size());
        assertEquals(2, read(r -> r.signatures(new SignatureFilter(Optional.empty(), Optional.of(EventFamily.VPN),
                Optional.of("charon"), Optional.empty()), 10)).size());
        assertEquals(0, read(r -> r.signatures(new SignatureFilter(Optional.of("other"), Optional.empty(),
                Optional.empty(), Optional.empty()), 10)).size());
    }

    @Test
    void eventsFilterNewestFirst() {
        List<CanonicalEvent> all = read(r -> r.canonicalEvents(EventFilter.NONE, 10));
        assertEquals(List.of(envelopes.get(3).id(), envelopes.get(0).id()),
                all.stream().map(CanonicalEvent::id).toList());
        assertEquals(2, read(r -> r.canonicalEvents(new EventFilter(Optional.of(TENANT.value()),
                Optional.of("fw-01"), Optional.of("fw-01"), Optional.of("charon"), Optional.of(Severity.WARNING),
                Optional.empty()), 10)).size());
        assertEquals(0, read(r -> r.canonicalEvents(new EventFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(Severity.ERR), Optional.empty()), 10)).size());
    }

    @Test
    void aSignatureIdFilterMatchesTheSurvivorAndEveryIdMergedIntoIt() {
        Signature survivor = signature(TENANT, "fan <*> failed", T0);
        Signature absorbed = read(r -> r.signatures(SignatureFilter.NONE, 10)).getFirst();
        s.unitOfWork().write(() -> {
            survivor.absorb(absorbed);
            s.signatures().recordMerge(TENANT, absorbed.id(), survivor.id());
            s.signatures().saveAll(List.of(survivor));
            return null;
        });
        for (var id : List.of(survivor.id(), absorbed.id())) {
            assertEquals(2, read(r -> r.canonicalEvents(new EventFilter(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(id.value())), 10)).size());
            assertEquals(survivor.id(), read(r -> r.signature(id)).orElseThrow().id());
        }
        assertEquals(List.of(absorbed.id()), read(r -> r.signatureAliases(survivor.id())));
        assertEquals(List.of(survivor.id()), read(r -> r.signatures(SignatureFilter.NONE, 10)).stream()
                .map(Signature::id).toList());
        assertEquals(1L, read(InspectionReadModel::signatureCount));
        assertEquals(7, read(r -> r.signature(survivor.id())).orElseThrow().occurrenceCount());
    }

    @Test
    void envelopesFilterByStatusAndSourceNewestFirst() {
        List<RawEnvelope> failed = read(r -> r.rawEnvelopes(EnvelopeFilter.ofStatuses(
                Set.of(EnvelopeStatus.PARSE_FAILED, EnvelopeStatus.UNSUPPORTED)), 10));
        assertEquals(List.of(envelopes.get(2).id(), envelopes.get(1).id()),
                failed.stream().map(RawEnvelope::id).toList());
        assertEquals(1, read(r -> r.rawEnvelopes(new EnvelopeFilter(Set.of(), Optional.of("other"),
                Optional.of("file"), Optional.of("app"), Optional.of("/var/log/app.log")), 10)).size());
    }

    @Test
    void countsAndSourceSummaries() {
        Map<EnvelopeStatus, Long> counts = read(InspectionReadModel::envelopeCountsByStatus);
        assertEquals(1L, counts.get(EnvelopeStatus.RECEIVED));
        assertEquals(1L, counts.get(EnvelopeStatus.PARSE_FAILED));
        assertEquals(1L, counts.get(EnvelopeStatus.UNSUPPORTED));
        assertEquals(1L, counts.get(EnvelopeStatus.CANONICALIZED));
        assertEquals(2, read(InspectionReadModel::candidateCount));
        assertEquals(2, read(InspectionReadModel::signatureCount));
        Map<String, List<ValueCount>> summaries = read(r -> r.sourceSummaries(5));
        assertEquals(InspectionReadModel.SOURCE_DIMENSIONS, List.copyOf(summaries.keySet()));
        assertEquals(List.of(new ValueCount("syslog", 3), new ValueCount("file", 1)), summaries.get("source_type"));
    }

    @Test
    void sourceStatusCountsPerSource() {
        List<SourceStatus> rows = read(r -> r.sourceStatus(new SourceFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), 10));
        assertEquals(2, rows.size());
        SourceStatus fw = rows.getFirst();
        assertEquals("fw-01", fw.sourceId());
        assertEquals(3, fw.rawCount());
        assertEquals(1, fw.canonicalizedCount());
        assertEquals(1, fw.parseFailedCount());
        assertEquals(T0, fw.lastReceivedAt());
        assertEquals(1, read(r -> r.sourceStatus(new SourceFilter(Optional.empty(), Optional.of("file"),
                Optional.empty(), Optional.empty()), 10)).size());
    }
}
