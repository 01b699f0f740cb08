package io.brainstem.application.port.out;

import static io.brainstem.application.port.out.StorageFixtures.PARSER;
import static io.brainstem.application.port.out.StorageFixtures.T0;
import static io.brainstem.application.port.out.StorageFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.in.InspectionQueries.SourceFilter;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The counts of {@code /stats}, {@code /sources} and {@code /sources/status} (ADR 33) are those of a full recount of
 * the envelopes stored, after any mix of ingest, replay, retention and restarts: a store that keeps them as events are
 * written must keep them exactly.
 */
public abstract class TallyContract {

    protected abstract Storage storage();

    /** The same database opened again, as after a restart; the in-memory store has no restart and returns it. */
    protected abstract Storage restart(Storage storage);

    private static final TenantId A = TenantId.of("tenant-a");
    private static final TenantId B = TenantId.of("tenant-b");
    private static final SignatureId SIG = SignatureId.derive("tenant-a", "VPN tunnel <*>");

    private static EnvelopeContent syslog(String message) {
        return EnvelopeContent.builder(A).sourceType("syslog").sourceId("fw-01").sourceName("edge-fw-01")
                .sourcePath("/var/log/syslog").messageRaw(message).build();
    }

    /** Absent source type, name and path; an empty source id (an empty value is not an absent one). */
    private static EnvelopeContent bare(String message) {
        return EnvelopeContent.builder(A).sourceId("").messageRaw(message).build();
    }

    private static EnvelopeContent http(String message) {
        return EnvelopeContent.builder(B).sourceType("http").sourceName("").sourcePath("").messageRaw(message).build();
    }

    private static CanonicalEvent eventOf(RawEnvelope e, String host) {
        EnvelopeContent c = e.content();
        return new CanonicalEvent(e.id(), c.tenantId(), c.sourceType(), c.sourceId(), c.sourcePath(), e.receivedAt(),
                host, "charon", Severity.WARNING, "daemon", "VPN tunnel dropped", EventFamily.VPN, SIG, Map.of(),
                Map.of(), PARSER, e.receivedAt());
    }

    /** Receives {@code contents} at {@code at} and gives each the outcome {@code outcomes} says, in one write. */
    private static List<RawEnvelope> ingest(Storage s, Instant at, List<EnvelopeContent> contents, String outcomes) {
        return s.unitOfWork().write(() -> {
            List<RawEnvelope> envelopes = s.rawEnvelopes().receiveAll(contents, at);
            List<CanonicalEvent> events = new ArrayList<>();
            for (int i = 0; i < envelopes.size(); i++) {
                RawEnvelope e = envelopes.get(i);
                switch (outcomes.charAt(i)) {
                    case 'c' -> {
                        e.markCanonicalized(PARSER, at);
                        events.add(eventOf(e, "fw-" + (i % 2)));
                    }
                    case 'n' -> { // canonicalized without a host
                        e.markCanonicalized(PARSER, at);
                        events.add(eventOf(e, null));
                    }
                    case 'f' -> e.markParseFailed("no header", PARSER, at);
                    case 'u' -> e.markUnsupported("not syslog", PARSER, at);
                    default -> { } // 'r': left received
                }
            }
            s.rawEnvelopes().saveOutcomes(envelopes);
            s.canonicalEvents().saveAll(events);
            return envelopes;
        });
    }

    /** A replay: the stored envelopes of {@code ids} become canonicalized, with an event on {@code host}. */
    private static void replay(Storage s, List<RawEnvelope> envelopes, String host, Instant at) {
        write(s, () -> {
            List<RawEnvelope> stored = s.rawEnvelopes().findByIds(envelopes.stream().map(RawEnvelope::id).toList());
            stored.forEach(e -> e.markCanonicalized(PARSER, at));
            s.rawEnvelopes().saveOutcomes(stored);
            s.canonicalEvents().saveAll(stored.stream().map(e -> eventOf(e, host)).toList());
        });
    }

    private record SourceKey(String tenant, String type, String id, String path) {
    }

    /** What a full recount of the stored envelopes gives, next to what the read model answers. */
    private static void assertCountsExact(Storage s) {
        s.unitOfWork().read(() -> {
            List<RawEnvelope> all = s.rawEnvelopes().findAfter(0, Set.of(), null, 100_000);
            Map<EnvelopeStatus, Long> byStatus = new EnumMap<>(EnvelopeStatus.class);
            Map<String, Map<String, Long>> byDimension = new HashMap<>();
            Map<SourceKey, long[]> bySource = new HashMap<>();
            Map<SourceKey, Instant> latest = new HashMap<>();
            for (RawEnvelope e : all) {
                EnvelopeContent c = e.content();
                byStatus.merge(e.status(), 1L, Long::sum);
                String host = s.canonicalEvents().findById(e.id()).map(CanonicalEvent::host).orElse(null);
                Map<String, String> values = new HashMap<>();
                values.put("tenant_id", c.tenantId().value());
                values.put("source_type", c.sourceType());
                values.put("source_id", c.sourceId());
                values.put("source_name", c.sourceName());
                values.put("source_path", c.sourcePath());
                values.put("host", host);
                values.forEach((dimension, value) -> {
                    if (value != null) {
                        byDimension.computeIfAbsent(dimension, d -> new TreeMap<>()).merge(value, 1L, Long::sum);
                    }
                });
                SourceKey key = new SourceKey(c.tenantId().value(), c.sourceType(), c.sourceId(), c.sourcePath());
                long[] n = bySource.computeIfAbsent(key, k -> new long[4]);
                n[0]++;
                switch (e.status()) {
                    case CANONICALIZED -> n[1]++;
                    case PARSE_FAILED -> n[2]++;
                    case UNSUPPORTED -> n[3]++;
                    default -> { }
                }
                latest.merge(key, e.receivedAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            InspectionReadModel r = s.inspection();
            assertEquals(byStatus, r.envelopeCountsByStatus(), "counts by status");
            Map<String, List<ValueCount>> summaries = r.sourceSummaries(1000);
            assertEquals(InspectionReadModel.SOURCE_DIMENSIONS, List.copyOf(summaries.keySet()));
            for (String dimension : InspectionReadModel.SOURCE_DIMENSIONS) {
                List<ValueCount> got = summaries.get(dimension);
                Map<String, Long> counted = new TreeMap<>();
                got.forEach(v -> counted.put(v.value(), v.count()));
                assertEquals(byDimension.getOrDefault(dimension, Map.of()), counted, "counts of " + dimension);
                for (int i = 1; i < got.size(); i++) {
                    assertTrue(got.get(i - 1).count() >= got.get(i).count(), "most frequent first: " + got);
                }
            }
            assertTrue(r.sourceSummaries(1).values().stream().allMatch(l -> l.size() <= 1), "a limit holds");
            List<SourceStatus> rows = r.sourceStatus(new SourceFilter(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()), 1000);
            Map<SourceKey, String> got = new HashMap<>();
            for (SourceStatus row : rows) {
                got.put(new SourceKey(row.tenantId(), row.sourceType(), row.sourceId(), row.sourcePath()),
                        row.rawCount() + "/" + row.canonicalizedCount() + "/" + row.parseFailedCount() + "/"
                                + row.unsupportedCount() + " last " + row.lastReceivedAt());
            }
            Map<SourceKey, String> expected = new HashMap<>();
            bySource.forEach((k, n) -> expected.put(k, n[0] + "/" + n[1] + "/" + n[2] + "/" + n[3] + " last "
                    + latest.get(k)));
            assertEquals(expected, got, "sources");
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).rawCount() >= rows.get(i).rawCount(), "most envelopes first");
            }
            for (SourceKey k : bySource.keySet()) {
                List<SourceStatus> one = r.sourceStatus(new SourceFilter(Optional.of(k.tenant()),
                        Optional.ofNullable(k.type()), Optional.ofNullable(k.id()), Optional.ofNullable(k.path())), 10);
                assertTrue(one.stream().anyMatch(x -> x.rawCount() == bySource.get(k)[0]
                        && java.util.Objects.equals(x.sourceType(), k.type())), "filtered to " + k + ": " + one);
            }
            return null;
        });
    }

    @Test
    void countsStayThoseOfARecountThroughIngestReplayRetentionAndRestarts() {
        Storage s = storage();
        assertCountsExact(s);
        Instant t1 = T0;
        Instant t2 = T0.plus(Duration.ofMinutes(10));
        Instant t3 = T0.plus(Duration.ofMinutes(20));
        List<RawEnvelope> first = ingest(s, t1, List.of(syslog("a"), syslog("b"), bare("c"), http("d"), syslog("e"),
                bare("f"), http("g")), "cfnuccr");
        List<RawEnvelope> second = ingest(s, t2, List.of(syslog("h"), syslog("i"), http("j"), bare("k")), "cffr");
        assertCountsExact(s);

        // replay: parse_failed and received envelopes become canonicalized, on a new host or none
        replay(s, List.of(first.get(1), second.get(1), second.get(2)), "fw-replayed", t3);
        replay(s, List.of(first.get(6), second.get(3)), null, t3);
        assertCountsExact(s);

        s = restart(s);
        assertCountsExact(s);
        ingest(s, t3, List.of(syslog("l"), http("m")), "cu");
        assertCountsExact(s);

        // retention in bounded batches: part of the oldest receipt, then the rest of it
        Storage r = s;
        assertEquals(3, r.unitOfWork().write(() -> r.rawEnvelopes().deleteReceivedBefore(t2, 3)));
        assertCountsExact(s);
        assertEquals(4, r.unitOfWork().write(() -> r.rawEnvelopes().deleteReceivedBefore(t2, 1000)));
        assertCountsExact(s);
        s = restart(s);
        assertCountsExact(s);
    }

    @Test
    void theLatestReceiptOfASourceIsThatOfTheEnvelopesKept() {
        Storage s = storage();
        Instant t1 = T0;
        Instant t2 = T0.plus(Duration.ofMinutes(10));
        Instant t3 = T0.plus(Duration.ofMinutes(20));
        // three of one receipt: retention takes one, the others keep its time
        ingest(s, t1, List.of(syslog("a"), syslog("b"), syslog("c")), "cfc");
        Storage r = s;
        assertEquals(1, r.unitOfWork().write(() -> r.rawEnvelopes().deleteReceivedBefore(t2, 1)));
        assertCountsExact(s);
        assertEquals(2, r.unitOfWork().write(() -> r.rawEnvelopes().deleteReceivedBefore(t2, 1000)));
        assertCountsExact(s);
        // the clock stepped back: the later id was received earlier; retention takes the newer receipt first, and the
        // source's latest receipt is the older one it keeps
        ingest(s, t3, List.of(http("d")), "c");
        ingest(s, t2, List.of(http("e")), "c");
        assertEquals(1, r.unitOfWork().write(() -> r.rawEnvelopes().deleteReceivedBefore(
                t3.plus(Duration.ofMinutes(1)), 1)));
        assertCountsExact(s);
        s = restart(s);
        assertCountsExact(s);
    }
}
