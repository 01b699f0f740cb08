package io.brainstem.bench.sqlite;

import io.brainstem.adapters.persistence.sqlite.SqliteStorage;
import io.brainstem.application.port.in.MemoryQueries.EventQuery;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.SignatureId;
import io.brainstem.domain.envelope.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Event search over the message index partitions (ADR 34): stores N syslog-like events received over DAYS days
 * (one partition each) through the SQLite adapter's write path, then times {@code searchEvents} for a few word
 * queries (limit 20, newest first), with and without since/until and a cursor: p50/p99 of REPS runs each.
 *
 * <pre>java -cp bench/target/classes:bootstrap/target/libs/* io.brainstem.bench.sqlite.MessageIndexBench N DAYS DIR</pre>
 */
public final class MessageIndexBench {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final ParserInfo PARSER = new ParserInfo("bench", "1");

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        int reps = Integer.getInteger("reps", 200);
        Path file = dir.resolve("index-bench.sqlite3");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        Random r = new Random(7);
        SignatureId sig = SignatureId.derive(TENANT.value(), "bench <*>");
        try (SqliteStorage s = new SqliteStorage(file)) {
            long t0 = System.nanoTime();
            int perDay = n / days;
            for (int d = 0; d < days; d++) {
                for (int done = 0; done < perDay; done += 500) {
                    Instant at = start.plus(Duration.ofDays(d)).plusMillis(done * (86_400_000L / perDay));
                    List<String> lines = new ArrayList<>(500);
                    for (int k = 0; k < 500; k++) {
                        lines.add(io.brainstem.bench.pipeline.Lines.line(r));
                    }
                    s.unitOfWork().write(() -> {
                        List<RawEnvelope> env = s.rawEnvelopes().receiveAll(lines.stream().map(line ->
                                EnvelopeContent.builder(TENANT).sourceType("syslog").sourceId("bench")
                                        .messageRaw(line).build()).toList(), at);
                        List<CanonicalEvent> events = new ArrayList<>(env.size());
                        for (int k = 0; k < env.size(); k++) {
                            events.add(new CanonicalEvent(env.get(k).id(), TENANT, "syslog", "bench", null, at,
                                    "host-" + (k % 20), "svc", Severity.INFO, null, lines.get(k), EventFamily.GENERIC,
                                    sig, Map.of(), Map.of(), PARSER, at));
                        }
                        s.canonicalEvents().saveAll(events);
                        return null;
                    });
                }
            }
            System.out.printf(Locale.ROOT, "stored %d events over %d days in %.1f s%n", perDay * days, days,
                    (System.nanoTime() - t0) / 1e9);
            Instant end = start.plus(Duration.ofDays(days));
            String[][] queries = {{"unreadable"}, {"rekey", "retrying"}, {"battery", "ups1"}, {"password"},
                {"nosuchword"}};
            for (String[] words : queries) {
                report(s, reps, String.join(" ", words), words, Optional.empty(), Optional.empty(), Optional.empty());
            }
            report(s, reps, "password, last 2 days", new String[] {"password"},
                    Optional.of(end.minus(Duration.ofDays(2))), Optional.empty(), Optional.empty());
            report(s, reps, "nosuchword, first day only", new String[] {"nosuchword"}, Optional.empty(),
                    Optional.of(start.plus(Duration.ofDays(1))), Optional.empty());
            report(s, reps, "password, cursor at the middle", new String[] {"password"}, Optional.empty(),
                    Optional.empty(), Optional.of((long) n / 2));
        }
    }

    private static void report(SqliteStorage s, int reps, String label, String[] words, Optional<Instant> since,
            Optional<Instant> until, Optional<Long> before) {
        EventQuery q = new EventQuery(Optional.of(TENANT.value()), Arrays.asList(words), Optional.empty(),
                Optional.empty(), Optional.empty(), Set.of(), since, until, before);
        long[] times = new long[reps];
        int found = 0;
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            found = s.unitOfWork().read(() -> s.inspection().searchEvents(q, 20)).size();
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%-32s found %2d  p50 %.2f ms  p99 %.2f ms%n", label, found,
                times[reps / 2] / 1e6, times[reps * 99 / 100] / 1e6);
    }
}
