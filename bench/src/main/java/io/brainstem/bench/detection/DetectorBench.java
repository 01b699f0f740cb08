package io.brainstem.bench.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.detection.CandidateDetector;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.envelope.ParserInfo;
import io.brainstem.domain.envelope.RawEnvelopeId;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.CanonicalEvent;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.EventFamilyClassifier;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Microbenchmark of {@link CandidateDetector#observe} (no JMH): ~1M realistic events of a few hundred signatures
 * through one detector, as the ingest pipeline calls it (the signature counts the event, then the detector sees
 * it), and prints ns/event after warm-up.
 *
 * <p>Scenarios: {@code mixed} (generic application lines, disk warnings, sshd failures, VPN dropped/recovered
 * pairs, link up/down, LogicMonitor alerts; Zipf-skewed signatures over many hosts) and {@code common} (only
 * application lines whose templates have no state word: after the first few events every event hits a signature
 * that already has a recurrence candidate). Each run feeds a fresh detector and fresh signatures the scenario's
 * pre-built events in two halves: "cold", the first N events (every signature starts from nothing and goes through
 * its first sightings), then "steady", the next N events (later timestamps, signatures long known: what a
 * long-running detector sees). Both halves are timed (thread CPU time), and timed again with the signatures counting alone; "net"
 * is the difference, the detector's own cost.
 *
 * <p>Usage: {@code DetectorBench [events=1000000] [warmups=3] [runs=5] [stepMicros=100]
 * [scenarios=common,mixed]}: N events per half, and how far event timestamps advance per event. Run with {@code bench/detection.sh}.
 */
public final class DetectorBench {

    private static final TenantId TENANT = TenantId.of("bench");
    private static final ParserInfo PARSER = new ParserInfo("bench", "1");
    private static final Instant T0 = Instant.parse("2026-03-15T03:00:00Z");

    /** One pre-built event and the signature slot it counts into. */
    private record Step(int slot, String template, CanonicalEvent event) {
    }

    /** A signature's template and id, for fresh signatures each run. */
    private record Slot(SignatureId id, String template, EventFamily family) {
    }

    private DetectorBench() {
    }

    /** Timed by the thread's CPU time, so that other processes on the machine do not count. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Events built ahead of each timed stretch, few enough to still be in cache as a live pipeline's are. */
    private static final int CHUNK = 512;

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long stepMicros = args.length > 3 ? Long.parseLong(args[3]) : 100;
        List<String> scenarios = args.length > 4 ? List.of(args[4].split(",")) : List.of("common", "mixed");
        System.out.printf(Locale.ROOT, "java %s, %d + %d events, %d warm-up + %d measured runs, %d us per event%n",
                Runtime.version(), events, events, warmups, runs, stepMicros);
        for (String scenario : scenarios) {
            measure(scenario, scenario.equals("common"), events, stepMicros, warmups, runs);
        }
    }

    /**
     * Each run: a fresh detector and fresh signatures take the first {@code events} events (cold: every signature
     * starts from nothing), then the next {@code events} (steady: signatures long known). Events are built in
     * chunks of {@value #CHUNK} outside the timed stretches; the same events are then counted by fresh signatures
     * alone, and the difference is the detector's own cost.
     */
    private static void measure(String scenario, boolean commonOnly, int events, long stepMicros, int warmups,
            int runs) {
        double[][] times = new double[4][runs];
        long[][] assessed = new long[2][];
        int signatures = 0;
        for (int r = 0; r < warmups + runs; r++) {
            long[] detect = new long[2];
            long[][] counts = {new long[CandidateType.values().length], new long[CandidateType.values().length]};
            signatures = run(new Generator(commonOnly, stepMicros), new CandidateDetector(), events, detect, counts);
            long[] count = new long[2];
            run(new Generator(commonOnly, stepMicros), null, events, count, null);
            if (r >= warmups) {
                int i = r - warmups;
                for (int half = 0; half < 2; half++) {
                    times[half][i] = detect[half] / (double) events;
                    times[2 + half][i] = count[half] / (double) events;
                }
                assessed = counts;
            }
        }
        report(scenario + " steady", signatures, events, times[1], times[3], assessed[1]);
        report(scenario + " cold", signatures, events, times[0], times[2], assessed[0]);
    }

    /** Feeds 2 x {@code events} events; adds the nanoseconds of each half to {@code nanos}; returns signatures. */
    private static int run(Generator g, CandidateDetector detector, int events, long[] nanos, long[][] counts) {
        List<Signature> signatures = new ArrayList<>();
        for (int half = 0; half < 2; half++) {
            for (int done = 0; done < events; done += CHUNK) {
                List<Step> chunk = g.generate(Math.min(CHUNK, events - done));
                long t0 = CPU.getCurrentThreadCpuTime();
                for (Step s : chunk) {
                    CanonicalEvent e = s.event();
                    Signature sig = s.slot() < signatures.size() ? signatures.get(s.slot()) : null;
                    if (sig == null) {
                        Slot slot = g.slots.get(s.slot());
                        sig = Signature.first(slot.id(), TENANT, s.template(), e.message(), e.timestamp(),
                                e.host(), e.service(), slot.family());
                        while (signatures.size() <= s.slot()) {
                            signatures.add(null);
                        }
                        signatures.set(s.slot(), sig);
                    } else {
                        sig.recordOccurrence(s.template(), e.timestamp(), e.host(), e.service());
                    }
                    if (detector != null) {
                        for (Assessment a : detector.observe(e, sig, 2)) {
                            counts[half][a.type().ordinal()]++;
                        }
                    }
                }
                nanos[half] += CPU.getCurrentThreadCpuTime() - t0;
            }
        }
        return g.slots.size();
    }

    private static void report(String name, int signatures, int events, double[] gross, double[] base,
            long[] assessed) {
        double[] net = new double[gross.length];
        for (int i = 0; i < net.length; i++) {
            net[i] = gross[i] - base[i];
        }
        Map<CandidateType, Long> byType = new EnumMap<>(CandidateType.class);
        for (CandidateType t : CandidateType.values()) {
            byType.put(t, assessed[t.ordinal()]);
        }
        System.out.printf(Locale.ROOT,
                "%-13s %d events, %d signatures: detector net %.0f ns/event (median; runs %s), "
                        + "gross %.0f, counting alone %.0f ns/event; assessments %s%n",
                name, events, signatures, median(net), format(net), median(gross), median(base), byType);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.isEmpty() ? "" : " ").append(Math.round(v));
        }
        return s.toString();
    }

    /** Builds the scenario's events: Zipf-skewed signatures, several hosts each, timestamps advancing. */
    private static final class Generator {
        private final boolean commonOnly;
        private final long stepMicros;
        private final SplittableRandom random = new SplittableRandom(20260315);
        private final List<Slot> slots = new ArrayList<>();
        private final Map<String, Integer> slotByTemplate = new LinkedHashMap<>();
        private final Map<String, Boolean> state = new LinkedHashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private Instant now = T0;
        private long nextId = 1;
        private long nextAlert = 1;
        private final List<Long> openAlerts = new ArrayList<>();

        private static final String[] VERBS = {"handled", "queued", "served", "cached", "rejected", "retried",
            "parsed", "stored", "indexed", "compacted", "merged", "signed", "scanned", "routed", "archived"};
        private static final String[] THINGS = {"request", "job", "batch", "message", "upload", "report", "query",
            "segment", "invoice", "token", "order", "thumbnail", "webhook", "export", "session", "manifest",
            "snapshot", "ledger", "event", "digest"};

        Generator(boolean commonOnly, long stepMicros) {
            this.commonOnly = commonOnly;
            this.stepMicros = stepMicros;
        }

        /** The next {@code events} events. */
        List<Step> generate(int events) {
            steps.clear();
            while (steps.size() < events) {
                now = now.plusNanos(stepMicros * 1000);
                int kind = commonOnly ? 0 : random.nextInt(100);
                if (kind < 80) {
                    app();
                } else if (kind < 84) {
                    disk();
                } else if (kind < 90) {
                    sshd();
                } else if (kind < 93) {
                    vpn();
                } else if (kind < 97) {
                    link();
                } else {
                    logicMonitor();
                }
            }
            return steps;
        }

        /** 300 application templates ("<thing> <id> <verb> in <n> ms by worker <n>"), Zipf-skewed, 20 hosts. */
        private void app() {
            int t = zipf(300);
            String thing = THINGS[t % THINGS.length];
            String verb = VERBS[t / THINGS.length];
            String template = thing + " <*> " + verb + " in <*> ms by worker <*>";
            String message = thing + " " + random.nextInt(1_000_000) + " " + verb + " in " + random.nextInt(900)
                    + " ms by worker " + random.nextInt(16);
            emit(template, message, "app-" + (1 + zipf(20)), "app", t % 7 == 0 ? Severity.WARNING : Severity.INFO,
                    "syslog", null);
        }

        private void disk() {
            String[] templates = {"disk /dev/<*> usage <*>% above threshold", "I/O error on <*> sector <*>",
                "filesystem <*> is <*>% full"};
            int t = random.nextInt(templates.length);
            String message = switch (t) {
                case 0 -> "disk /dev/sd" + (char) ('a' + random.nextInt(4)) + "1 usage " + (85 + random.nextInt(15))
                        + "% above threshold";
                case 1 -> "I/O error on sd" + (char) ('a' + random.nextInt(4)) + " sector " + random.nextInt(1 << 30);
                default -> "filesystem /var" + random.nextInt(3) + " is " + (90 + random.nextInt(10)) + "% full";
            };
            emit(templates[t], message, "db-" + (1 + zipf(8)), "kernel", Severity.WARNING, "syslog", null);
        }

        private void sshd() {
            String template = "Failed password for root from <*> port <*> ssh2";
            String message = "Failed password for root from 10.0." + random.nextInt(8) + "." + random.nextInt(250)
                    + " port " + (40000 + random.nextInt(20000)) + " ssh2";
            emit(template, message, "bastion-" + (1 + random.nextInt(5)), "sshd", Severity.WARNING, "syslog", null);
        }

        private void vpn() {
            String host = "fw-" + (1 + zipf(10));
            boolean down = !state.getOrDefault("vpn" + host, false);
            state.put("vpn" + host, down);
            String text = down ? "VPN tunnel dropped" : "VPN tunnel recovered";
            emit(text, text, host, "charon", down ? Severity.WARNING : Severity.INFO, "syslog", null);
        }

        private void link() {
            String host = "sw-" + (1 + zipf(10));
            int port = random.nextInt(8);
            String key = host + port;
            boolean down = !state.getOrDefault(key, false);
            state.put(key, down);
            emit(down ? "link <*> down" : "link <*> up", "link eth" + port + (down ? " down" : " up"), host,
                    "kernel", down ? Severity.ERR : Severity.NOTICE, "syslog", null);
        }

        private void logicMonitor() {
            String host = "lm-" + (1 + zipf(30));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("datasource", "Disk Usage");
            fields.put("instance", "disk" + random.nextInt(3));
            fields.put("datapoint", "PercentUsed");
            String template;
            String message;
            if (openAlerts.isEmpty() || random.nextInt(10) < 4) {
                long id = nextAlert++;
                openAlerts.add(id);
                fields.put("alert_status", "active");
                fields.put("alert_id", "LMA" + id);
                fields.put("started_at", now.getEpochSecond() - random.nextInt(60));
                template = "Disk usage <*>% on <*>";
                message = "Disk usage " + (90 + random.nextInt(10)) + "% on disk" + random.nextInt(3);
            } else {
                long id = openAlerts.remove(random.nextInt(openAlerts.size()));
                fields.put("alert_status", "cleared");
                fields.put("alert_id", "LMA" + id);
                fields.put("cleared_at", now.toString());
                template = "Disk usage back to <*>% on <*>";
                message = "Disk usage back to " + random.nextInt(80) + "% on disk" + random.nextInt(3);
            }
            emit(template, message, host, "Disk", Severity.WARNING, "logicmonitor", fields);
        }

        /** Zipf-like (s = 1) index in [0, n). */
        private int zipf(int n) {
            double hn = Math.log(n) + 0.5772;
            double u = random.nextDouble() * hn;
            int k = (int) Math.exp(u - 0.5772);
            return Math.min(n - 1, Math.max(0, k - 1));
        }

        private void emit(String template, String message, String host, String service, Severity severity,
                String sourceType, Map<String, Object> fields) {
            Integer slot = slotByTemplate.get(template);
            if (slot == null) {
                slot = slots.size();
                SignatureId id = SignatureId.derive(TENANT.value(), template);
                slots.add(new Slot(id, template, EventFamilyClassifier.classify(template, service)));
                slotByTemplate.put(template, slot);
            }
            Slot s = slots.get(slot);
            CanonicalEvent e = new CanonicalEvent(new RawEnvelopeId(nextId++), TENANT, sourceType, "bench", null, now,
                    host, service, severity, null, message, s.family(), s.id(), fields, null, PARSER, now);
            steps.add(new Step(slot, s.template(), e));
        }
    }
}
