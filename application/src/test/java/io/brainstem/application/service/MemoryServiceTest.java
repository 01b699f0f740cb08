package io.brainstem.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.application.port.in.MemoryQueries.EventSearch;
import io.brainstem.application.port.in.PromoteCandidateUseCase.PromoteCommand;
import io.brainstem.application.port.in.PromoteCandidateUseCase.Promotion;
import io.brainstem.application.port.in.RecordReviewUseCase.ReviewCommand;
import io.brainstem.application.port.in.UnknownSubjectException;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.application.testing.MovableClock;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.memory.ReviewDecision;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.signature.MinerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operational-memory loop: promote, recall, review, suppress, resurface, search, retention. Runs over the
 * in-memory adapter here and over a real SQLite file in the SQLite adapter's tests (a subclass).
 */
public class MemoryServiceTest {

    private static final TenantId TENANT = TenantId.of("client-a");
    private static final Instant START = Instant.parse("2026-03-15T00:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final StorageCatalog catalog = newCatalog();

    /** The storage under test. */
    protected StorageCatalog newCatalog() {
        return InMemoryStorage.catalog();
    }
    private final IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS,
            clock);
    private final MemoryService memory = new MemoryService(catalog, ingest);

    private static EnvelopeContent line(Instant at, String host, String service, String severity, String message) {
        return EnvelopeContent.builder(TENANT).sourceType("syslog").host(host).service(service).severity(severity)
                .timestamp(at.toString()).messageRaw(message).build();
    }

    /** Days of a VPN that drops and comes back twice a day, {@code perDay} times. */
    private IngestResult vpnDays(Instant from, int days, int perDay, String host) {
        List<EnvelopeContent> lines = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int k = 0; k < perDay; k++) {
                Instant at = from.plus(Duration.ofDays(d)).plus(Duration.ofHours(3 + k * 24L / perDay));
                lines.add(line(at, host, "charon", "warning", "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)"));
                lines.add(line(at.plusSeconds(30), host, "charon", "info",
                        "IPsec SA with peer 203.0.113.10 established"));
            }
        }
        clock.set(from.plus(Duration.ofDays(days)));
        return ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, lines, 2));
    }

    private Candidate selfHeal() {
        return memory.searchCandidates(DatabaseRef.DEFAULT, new CandidateSearch(Optional.of("client-a"),
                Set.of(CandidateType.SELF_HEAL), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true), 10).getFirst();
    }

    @Test
    void promotedIncidentIsRecognisedNextTimeAndExplained() {
        vpnDays(START, 7, 2, "fw-01");
        Candidate before = selfHeal();
        assertEquals(0, before.breakdown().memory());
        double scoreBefore = before.scoreTotal();

        Promotion p = memory.promote(new PromoteCommand(DatabaseRef.DEFAULT, before.id().value(),
                "Recurring VPN rekey instability for client-a", "Observed 14 self-resolving drops over 7 days.",
                "vpn_instability", "steven"));
        assertTrue(p.created());
        assertTrue(p.incident().id().value().startsWith("inc_"));
        assertFalse(p.incident().templates().isEmpty());
        assertFalse(p.incident().sampleMessages().isEmpty());
        Promotion again = memory.promote(new PromoteCommand(DatabaseRef.DEFAULT, before.id().value(), "Other title",
                null, null, null));
        assertFalse(again.created());
        assertEquals(p.incident().id(), again.incident().id());
        assertEquals("Recurring VPN rekey instability for client-a", again.incident().title());

        // a second, worse week: the candidate remembers the incident and says it comes more often
        vpnDays(START.plus(Duration.ofDays(7)), 7, 6, "fw-01");
        Candidate after = selfHeal();
        assertEquals(1.0, after.breakdown().memory());
        assertTrue(after.scoreTotal() > scoreBefore, scoreBefore + " -> " + after.breakdown());
        assertTrue(after.explanation().contains(p.incident().id().value()), after.explanation());
        assertTrue(after.explanation().contains("increased in frequency"), after.explanation());
        var explained = memory.explain(DatabaseRef.DEFAULT, after.id().value()).orElseThrow();
        assertEquals(List.of(p.incident().id()), explained.relatedIncidents().stream().map(i -> i.id()).toList());
        assertFalse(explained.samples().isEmpty());

        var related = memory.related(DatabaseRef.DEFAULT, SubjectType.SIGNATURE,
                after.evidence().signatureIds().getFirst(), 10).orElseThrow();
        assertEquals(p.incident().id(), related.incidents().getFirst().item().id());
        assertTrue(related.incidents().getFirst().why().contains("same signature"));
        assertTrue(related.lessons().stream().anyMatch(l -> l.item().text().contains("14 self-resolving")));

        assertEquals(p.incident().id(), memory.searchIncidents(DatabaseRef.DEFAULT, Optional.of("client-a"),
                "vpn flaps", 10).getFirst().id());
        var digest = memory.digest(DatabaseRef.DEFAULT, Optional.of("client-a"), Optional.empty(), 10);
        assertTrue(digest.items().getFirst().matchesMemory());
        assertTrue(digest.items().getFirst().whyItMatters().contains("prior incident"));
    }

    @Test
    void promotingJudgesSimilarCandidatesOnOtherHostsAtOnce() {
        List<EnvelopeContent> lines = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (int k = 0; k < 2; k++) {
                Instant at = START.plus(Duration.ofDays(d)).plus(Duration.ofHours(3 + k * 12L));
                lines.add(line(at, "fw-09", "charon", "warning",
                        "IPsec SA with remote peer 198.51.100.7 dropped (DPD timeout)"));
                lines.add(line(at.plusSeconds(40), "fw-09", "charon", "info",
                        "IPsec SA with remote peer 198.51.100.7 established"));
            }
        }
        ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, lines, 2));
        vpnDays(START, 7, 2, "fw-01");
        Candidate elsewhere = memory.searchCandidates(DatabaseRef.DEFAULT, new CandidateSearch(Optional.of("client-a"),
                Set.of(CandidateType.SELF_HEAL), Set.of(), Optional.of("fw-09"), Optional.empty(), Optional.empty(),
                Optional.empty(), true), 10).getFirst();
        assertEquals(0, elsewhere.breakdown().memory());
        Candidate promoted = memory.searchCandidates(DatabaseRef.DEFAULT, new CandidateSearch(Optional.of("client-a"),
                Set.of(CandidateType.SELF_HEAL), Set.of(), Optional.of("fw-01"), Optional.empty(), Optional.empty(),
                Optional.empty(), true), 10).getFirst();
        assertTrue(java.util.Collections.disjoint(promoted.evidence().signatureIds(), elsewhere.evidence().signatureIds()),
                "the two tunnels log different templates");

        Promotion p = memory.promote(new PromoteCommand(DatabaseRef.DEFAULT, promoted.id().value(),
                "VPN drops on fw-01", null, null, null));

        // no new event on fw-09: the promotion itself judged it again
        Candidate now = memory.explain(DatabaseRef.DEFAULT, elsewhere.id().value()).orElseThrow().candidate();
        assertTrue(now.breakdown().memory() > 0, now.breakdown().toString());
        assertTrue(now.explanation().contains(p.incident().id().value()), now.explanation());
    }

    @Test
    void noiseIsSuppressedUntilItChangesMaterially() {
        vpnDays(START, 7, 2, "fw-01");
        Candidate c = selfHeal();
        memory.record(new ReviewCommand(DatabaseRef.DEFAULT, Optional.of("client-a"), SubjectType.CANDIDATE,
                c.id().value(), ReviewDecision.NOISE, "lab tunnel, ignore", "steven"));
        Candidate judged = selfHeal();
        assertTrue(judged.suppressed());
        assertTrue(judged.recollection().reason().contains("lab tunnel"));
        assertTrue(memory.digest(DatabaseRef.DEFAULT, Optional.of("client-a"), Optional.of(START), 10).items()
                .stream().noneMatch(i -> i.candidate().id().equals(c.id())));

        // the same rate for another week: still suppressed
        vpnDays(START.plus(Duration.ofDays(7)), 7, 2, "fw-01");
        assertTrue(selfHeal().suppressed());

        // four times the rate: it comes back and says why
        vpnDays(START.plus(Duration.ofDays(14)), 7, 8, "fw-01");
        Candidate back = selfHeal();
        assertFalse(back.suppressed());
        assertTrue(back.explanation().contains("It is back after steven judged it noise"), back.explanation());
        assertTrue(back.explanation().contains("rate doubled"), back.explanation());
    }

    @Test
    void eventSearchFindsWordsNewestFirstAndPages() {
        vpnDays(START, 3, 2, "fw-01");
        var first = memory.searchEvents(DatabaseRef.DEFAULT, new EventSearch(Optional.of("client-a"),
                Optional.of("dropped DPD"), Optional.of("fw-01"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), 4);
        assertEquals(4, first.items().size());
        assertTrue(first.items().stream().allMatch(e -> e.message().contains("dropped")));
        assertTrue(first.items().get(0).id().value() > first.items().get(1).id().value());
        var second = memory.searchEvents(DatabaseRef.DEFAULT, new EventSearch(Optional.of("client-a"),
                Optional.of("dropped DPD"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), first.nextCursor()), 4);
        assertEquals(2, second.items().size());
        assertTrue(second.items().getFirst().id().value() < first.items().getLast().id().value());
        assertThrows(InvalidRequestException.class, () -> memory.searchEvents(DatabaseRef.DEFAULT,
                new EventSearch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("x")), 4));
    }

    @Test
    void unknownSubjectsAreNotFound() {
        assertThrows(UnknownSubjectException.class, () -> memory.promote(new PromoteCommand(DatabaseRef.DEFAULT,
                "cand_nope", "t", null, null, null)));
        assertThrows(UnknownSubjectException.class, () -> memory.record(new ReviewCommand(DatabaseRef.DEFAULT,
                Optional.empty(), SubjectType.SIGNATURE, "sig_nope", ReviewDecision.USEFUL, null, null)));
        assertThrows(InvalidRequestException.class, () -> new PromoteCommand(DatabaseRef.DEFAULT, "cand_x", " ",
                null, null, null));
        assertTrue(memory.related(DatabaseRef.DEFAULT, SubjectType.EVENT, "evt_999", 5).isEmpty());
    }

    @Test
    void retentionDeletesOnlyWhatWasReceivedBeforeThePeriod() {
        vpnDays(START, 2, 2, "fw-01");
        clock.set(START.plus(Duration.ofDays(40)));
        vpnDays(START.plus(Duration.ofDays(40)), 1, 2, "fw-01");
        RetentionService retention = new RetentionService(catalog, Duration.ofDays(30), clock);
        long deleted = retention.sweep(DatabaseRef.DEFAULT);
        assertEquals(8, deleted);
        var storage = catalog.openExisting(DatabaseRef.DEFAULT);
        assertEquals(START.plus(Duration.ofDays(41)),
                storage.unitOfWork().read(() -> storage.rawEnvelopes().oldestReceivedAt()).orElseThrow());
        assertFalse(memory.searchCandidates(DatabaseRef.DEFAULT, CandidateSearch.ofTenant(Optional.empty()), 10)
                .isEmpty(), "candidates outlive raw events");
    }
}
