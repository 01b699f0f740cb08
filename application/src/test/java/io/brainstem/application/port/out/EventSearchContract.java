package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.TENANT;
import static io.brainstem.application.port.out.StorageFixtures.content;
import static io.brainstem.application.port.out.StorageFixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.SignatureId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InspectionReadModel#searchEvents} must answer, over the same small data set (ADR 20). */
public abstract class EventSearchContract {

    protected abstract Storage storage();

    private static final TenantId OTHER = TenantId.of("other");
    private static final SignatureId SIG = SignatureId.derive(TENANT.value(), "VPN tunnel <*>");
    private static final SignatureId SIG2 = SignatureId.derive(TENANT.value(), "VPN tunnel dropped again");

    private Storage s;
    /** Ids of e0..e5, in the order received. */
    private List<Long> ids;

    @BeforeEach
    void seed() {
        s = storage();
        List<RawEnvelope> env = s.unitOfWork().write(() -> s.rawEnvelopes().receiveAll(List.of(content("0"),
                content("1"), content("2"), content("3"), content(OTHER, "4"), content("5")), T0));
        ids = env.stream().map(e -> e.id().value()).toList();
        StorageFixtures.write(s, () -> s.canonicalEvents().saveAll(List.of(
                event(ids.get(0), TENANT, SIG, at(0), "fw-01", "charon", Severity.WARNING,
                        "VPN tunnel dropped for peer 203.0.113.10"),
                event(ids.get(1), TENANT, SIG, at(1), "fw-02", "charon", Severity.ERR, "vpn TUNNEL rekey failed"),
                event(ids.get(2), TENANT, SIG, at(2), "sw-1", "kernel", Severity.INFO, "link down on port 12"),
                event(ids.get(3), TENANT, SIG, at(3), "fw-01", "charon", Severity.WARNING, "tunnel established"),
                event(ids.get(4), OTHER, SIG, at(4), "fw-01", "charon", Severity.WARNING, "VPN tunnel dropped"),
                event(ids.get(5), TENANT, SIG2, at(5), "fw-01", "charon", Severity.WARNING,
                        "VPN tunnel dropped again"))));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static EventQuery query(String... words) {
        return new EventQuery(Optional.of(TENANT.value()), List.of(words), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The indexes (0..5) of the events found, in the order found. */
    private List<Integer> found(EventQuery q, int limit) {
        return s.unitOfWork().read(() -> s.inspection().searchEvents(q, limit)).stream()
                .map(e -> ids.indexOf(e.id().value())).toList();
    }

    private List<Integer> found(EventQuery q) {
        return found(q, 100);
    }

    @Test
    void oneWordFindsEveryEventHoldingItNewestFirstCaseInsensitive() {
        assertEquals(List.of(5, 3, 1, 0), found(query("tunnel")));
        assertEquals(List.of(5, 3, 1, 0), found(query("TUNNEL")));
        assertEquals(List.of(), found(query("tun")));
        assertEquals(List.of(), found(query("printer")));
    }

    @Test
    void twoWordsMustBothOccur() {
        assertEquals(List.of(5, 0), found(query("vpn", "dropped")));
        assertEquals(List.of(1), found(query("rekey", "vpn")));
        assertEquals(List.of(), found(query("rekey", "dropped")));
    }

    @Test
    void anAddressMatchesAsAPhrase() {
        assertEquals(List.of(0), found(query("203.0.113.10")));
        assertEquals(List.of(), found(query("203.0.113.11")));
    }

    @Test
    void filtersNarrowAFullTextSearch() {
        EventQuery q = query("tunnel");
        assertEquals(List.of(5, 3, 0), found(new EventQuery(q.tenantId(), q.words(),
                Optional.of("fw-01"), q.service(), q.severity(), q.signatureIds(), q.since(), q.until(),
                q.beforeId())));
        assertEquals(List.of(1), found(new EventQuery(q.tenantId(), q.words(), q.host(), q.service(),
                Optional.of(Severity.ERR), q.signatureIds(), q.since(), q.until(), q.beforeId())));
        assertEquals(List.of(5), found(new EventQuery(q.tenantId(), q.words(), q.host(), q.service(),
                q.severity(), Set.of(SIG2.value()), q.since(), q.until(), q.beforeId())));
        assertEquals(List.of(5, 4, 3, 1, 0), found(new EventQuery(Optional.empty(), q.words(),
                q.host(), q.service(), q.severity(), q.signatureIds(), q.since(), q.until(), q.beforeId())));
        assertEquals(List.of(4), found(new EventQuery(Optional.of(OTHER.value()), q.words(),
                q.host(), q.service(), q.severity(), q.signatureIds(), q.since(), q.until(), q.beforeId())));
    }

    @Test
    void noWordsScansByFilterAlone() {
        assertEquals(List.of(5, 3, 2, 1, 0), found(query()));
        assertEquals(List.of(2), found(new EventQuery(Optional.of(TENANT.value()), List.of(), Optional.empty(),
                Optional.of("kernel"), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty())));
        assertEquals(List.of(5, 3, 2, 1, 0), found(new EventQuery(Optional.of(TENANT.value()), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of(SIG.value(), SIG2.value()),
                Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @Test
    void sinceIsInclusiveAndUntilExclusiveOnTheEventTimestamp() {
        EventQuery q = new EventQuery(Optional.of(TENANT.value()), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.of(at(1)), Optional.of(at(3)), Optional.empty());
        assertEquals(List.of(2, 1), found(q));
        assertEquals(List.of(1), found(new EventQuery(q.tenantId(), List.of("tunnel"), q.host(),
                q.service(), q.severity(), q.signatureIds(), q.since(), q.until(), q.beforeId())));
    }

    @Test
    void theLimitKeepsTheNewest() {
        assertEquals(List.of(5, 3), found(query("tunnel"), 2));
        assertEquals(List.of(5), found(query(), 1));
    }

    @Test
    void pagingBeforeTheLastIdSeenHasNoDuplicatesAndNoGaps() {
        for (EventQuery q : List.of(query("tunnel"), query())) {
            List<Integer> all = found(q);
            List<Integer> paged = new ArrayList<>();
            Optional<Long> before = Optional.empty();
            for (int page = 0; page < 10; page++) {
                Optional<Long> cursor = before;
                List<Integer> got = found(new EventQuery(q.tenantId(), q.words(), q.host(), q.service(),
                        q.severity(), q.signatureIds(), q.since(), q.until(), cursor), 2);
                if (got.isEmpty()) {
                    break;
                }
                paged.addAll(got);
                before = Optional.of(ids.get(got.getLast()));
            }
            assertEquals(all, paged);
        }
    }
}
