package io.brainstem.domain.candidate.detection;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A long, deterministic, mixed stream of events for comparing detector implementations: self-healing tunnels,
 * flapping links, sshd failures that never recover, disk warnings, generic application lines, bursts, late
 * arrivals, one-message self-heals, LogicMonitor alerts (every time format, with and without alert ids and
 * datasource fields, odd statuses), hosts and services that are absent, templates that generalize under the same
 * signature id, and a recurrence threshold that changes between requests.
 */
final class MixedStream {

    static final TenantId TENANT = TenantId.of("acme");
    private static final ParserInfo PARSER = new ParserInfo("test", "1");

    /** One event, ready to be counted by its signature and observed. */
    record Step(String signatureKey, String template, CanonicalEvent event, int threshold) {
    }

    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-15T03:00:00Z");
    private long nextId = 1;
    private int threshold = 2;
    private final Map<String, Instant> vpnDroppedAt = new HashMap<>();
    private final Map<String, Boolean> linkDown = new HashMap<>();
    private final Map<String, Long> openAlerts = new LinkedHashMap<>();
    private long nextAlert = 1000;

    private MixedStream(long seed) {
        this.random = new Random(seed);
    }

    static List<Step> generate(long seed, int events) {
        MixedStream s = new MixedStream(seed);
        while (s.steps.size() < events) {
            s.next();
        }
        return List.copyOf(s.steps.subList(0, events));
    }

    private void next() {
        if (random.nextInt(500) == 0) {
            threshold = 1 + random.nextInt(3);
        }
        int jump = random.nextInt(1000);
        now = now.plusMillis(jump == 0 ? 3_600_000L : jump < 5 ? 600_000L : random.nextInt(2500));
        int kind = random.nextInt(100);
        if (kind < 40) {
            generic();
        } else if (kind < 48) {
            vpn();
        } else if (kind < 58) {
            link();
        } else if (kind < 64) {
            sshd();
        } else if (kind < 68) {
            disk();
        } else if (kind < 71) {
            oneMessage();
        } else if (kind < 79) {
            logicMonitor();
        } else if (kind < 81) {
            burst();
        } else if (kind < 83) {
            late();
        } else if (kind < 86) {
            generalizing();
        } else if (kind < 92) {
            oddWords();
        } else {
            services();
        }
    }

    private static final String[] GENERIC = {
        "GET /api/v1/items/%d 200 %dms", "user %d logged in from web", "cache miss ratio %d%% on shard %d",
        "job %d finished in %d s", "worker %d heartbeat ok", "queue depth %d exceeds %d", "backup of vol%d completed",
        "gc pause %dms young gen", "request id %d took %d.%d s", "temperature %d C on sensor %d",
        "Accepted publickey for deploy from 10.0.%d.%d port 22 ssh2", "setup_down_hook ran for %d",
        "config reload %d triggered by %d", "certificate expires in %d days (%d)", "session %d closed by peer %d",
    };

    private void generic() {
        String f = GENERIC[skewed(GENERIC.length)];
        String message = String.format(Locale.ROOT, f, random.nextInt(50), random.nextInt(500), random.nextInt(10));
        emit("g:" + f, Feed.mask(message), host("app-", 6), random.nextInt(4) == 0 ? null : "app", severity(),
                message, "syslog", Map.of());
    }

    private void vpn() {
        String host = host("fw-0", 5);
        Instant dropped = vpnDroppedAt.get(host);
        if (dropped == null || random.nextInt(6) == 0) {
            vpnDroppedAt.put(host, now);
            String msg = random.nextBoolean() ? "VPN tunnel dropped" : "VPN tunnel to 10.1.0." + random.nextInt(3)
                    + " dropped";
            emit(Feed.mask(msg), Feed.mask(msg), host, "charon", Severity.WARNING, msg, "syslog", Map.of());
        } else {
            vpnDroppedAt.remove(host);
            String msg = random.nextInt(3) == 0 ? "VPN tunnel restored" : "VPN tunnel recovered";
            emit(msg, msg, host, "charon", Severity.INFO, msg, "syslog", Map.of());
        }
    }

    private void link() {
        String host = host("sw-0", 3);
        String port = "eth" + random.nextInt(3);
        String key = host + port;
        boolean down = !linkDown.getOrDefault(key, false);
        if (random.nextInt(8) == 0) {
            down = !down; // a repeated state
        }
        linkDown.put(key, down);
        String style = random.nextInt(4) == 0 ? "Link " + port + " " + (down ? "DOWN" : "UP")
                : "link " + port + " " + (down ? "down" : "up");
        if (random.nextInt(5) == 0) {
            style = "Interface GigabitEthernet0/" + port.charAt(3) + ", changed state to " + (down ? "down" : "up");
        }
        emit(Feed.mask(style), Feed.mask(style), host, "kernel", down ? Severity.ERR : Severity.NOTICE, style,
                "syslog", Map.of());
    }

    private void sshd() {
        String msg = "Failed password for " + (random.nextBoolean() ? "root" : "invalid user admin") + " from 10.0."
                + random.nextInt(4) + "." + random.nextInt(250) + " port " + (40000 + random.nextInt(20000))
                + " ssh2";
        emit(Feed.mask(msg), Feed.mask(msg), host("bastion-", 2), "sshd", Severity.WARNING, msg, "syslog",
                Map.of());
    }

    private void disk() {
        String[] f = {"disk /dev/sda%d usage %d%% above threshold", "I/O error on sda sector %d%d",
            "filesystem /var is %d%d%% full"};
        String msg = String.format(Locale.ROOT, f[random.nextInt(f.length)], random.nextInt(4), random.nextInt(99));
        emit(Feed.mask(msg), Feed.mask(msg), host("db-0", 4), random.nextBoolean() ? "kernel" : null,
                random.nextBoolean() ? Severity.WARNING : Severity.CRIT, msg, "syslog", Map.of());
    }

    private void oneMessage() {
        String[] m = {"VPN tunnel dropped and recovered", "session lost, re-established after %d s",
            "connection failed, retrying up to %d times", "link flapped: down then up %d times",
            "peer %d disconnected; reconnected after %d ms", "recovered from earlier failure %d"};
        String msg = String.format(Locale.ROOT, m[random.nextInt(m.length)], random.nextInt(9), random.nextInt(900));
        emit(Feed.mask(msg), Feed.mask(msg), host("edge-", 3), "ipsec", Severity.NOTICE, msg, "syslog", Map.of());
    }

    private void logicMonitor() {
        String host = host("lm-host-", 4);
        String sourceType = random.nextInt(10) == 0 ? " LogicMonitor " : "logicmonitor";
        int v = random.nextInt(10);
        Map<String, Object> fields = new LinkedHashMap<>();
        String msg;
        if (v == 0) {
            msg = random.nextBoolean() ? "Host " + host + " down" : "Host " + host + " up";
            emit(Feed.mask(msg), Feed.mask(msg), host, "Ping", Severity.ERR, msg, sourceType, fields);
            return;
        }
        if (v == 1) {
            fields.put("alert_status", random.nextBoolean() ? "ack" : "Acknowledged");
            msg = "CPU busy " + random.nextInt(100) + "% on " + host;
            emit(Feed.mask(msg), Feed.mask(msg), host, "CPU", Severity.WARNING, msg, sourceType, fields);
            return;
        }
        boolean clear = !openAlerts.isEmpty() && random.nextInt(5) < 3;
        String dp = random.nextInt(3) == 0 ? null : "disk" + random.nextInt(3);
        if (dp != null) {
            fields.put("datasource", "Disk Usage");
            fields.put("instance", random.nextBoolean() ? dp : " " + dp + " ");
            fields.put("datapoint", random.nextInt(4) == 0 ? "" : "PercentUsed");
        }
        if (!clear) {
            long id = nextAlert++;
            openAlerts.put(host + "#" + id, id);
            fields.put("alert_status", random.nextBoolean() ? "active" : "Raised");
            if (random.nextInt(4) > 0) {
                fields.put("alert_id", "LMA" + id);
            }
            fields.put("started_at", time(now.minusSeconds(random.nextInt(90))));
            msg = "Disk usage " + random.nextInt(100) + "% on " + (dp == null ? "root" : dp);
        } else {
            String k = openAlerts.keySet().iterator().next();
            long id = openAlerts.remove(k);
            if (random.nextInt(4) > 0) {
                fields.put("alert_status", random.nextBoolean() ? "cleared" : "OK");
            }
            if (random.nextInt(4) > 0) {
                fields.put("alert_id", "LMA" + id);
            }
            fields.put("cleared_at", time(now));
            if (random.nextInt(3) > 0) {
                fields.put("started_at", time(now.minusSeconds(random.nextInt(4000))));
            }
            msg = "Disk usage back to " + random.nextInt(100) + "% on " + (dp == null ? "root" : dp);
        }
        emit(Feed.mask(msg), Feed.mask(msg), host, random.nextInt(5) == 0 ? null : "Disk", Severity.WARNING, msg,
                sourceType, fields);
    }

    private Object time(Instant at) {
        return switch (random.nextInt(6)) {
            case 0 -> at.getEpochSecond();
            case 1 -> at.toEpochMilli();
            case 2 -> String.valueOf(at.getEpochSecond());
            case 3 -> at.toString().replace('T', ' ').replace("Z", "");
            case 4 -> at.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
            default -> random.nextInt(20) == 0 ? "not a time" : at.toString();
        };
    }

    private void burst() {
        String msg = "upstream timed out while reading response header";
        int n = 1 + (random.nextInt(10) == 0 ? 40 : 0);
        for (int i = 0; i < n; i++) {
            now = now.plusMillis(random.nextInt(800));
            emit(msg, msg, host("web-0", 3), "nginx", Severity.ERR, msg, "syslog", Map.of());
        }
    }

    private void late() {
        Instant saved = now;
        now = now.minusSeconds(60 + random.nextInt(600));
        if (random.nextBoolean()) {
            vpn();
        } else {
            burst();
        }
        now = saved;
    }

    private void generalizing() {
        String[] users = {"alice", "bob", "carol", "dave"};
        String user = users[random.nextInt(users.length)];
        String msg = "user " + user + " session started";
        // the miner first keeps the literal template, then generalizes it under the same signature id
        String template = random.nextInt(3) == 0 ? msg : "user <*> session started";
        emit("user-session", template, host("app-", 3), "login", Severity.INFO, msg, "syslog", Map.of());
    }

    private void oddWords() {
        String[] m = {"BGP peer 10.0.0.%d Down (hold timer expired)", "BGP peer 10.0.0.%d Up",
            "service nginx stopped.", "service nginx started.", "interface state:down port %d",
            "interface state:up port %d", "'peer-%d' went offline;", "'peer-%d' is online;", "(backup) completed %d",
            "node %d unreachable at 12:00:%d", "node %d reachable at 12:00:%d", "replica lag +%d,5s degraded",
            "replica lag -%d healthy", "watchdog: %d%% - failure", "watchdog: %d%% - success",
            "re-established link to db%d", "Server-Down-Count %d", "up-link %d lost", "up-link %d established",
            "pool \u00e9down %d", "pool \u00e9up %d", "T\u00e2che down_%d", "status=DEAD pid=%d",
            "status=Healthy pid=%d", "[worker] \"disconnected\" (%d)", "[worker] \"connected\" (%d)",
            "Connection to {%dh} lost:", "Connection to {%dh} restored:"};
        String msg = String.format(Locale.ROOT, m[random.nextInt(m.length)], random.nextInt(4), random.nextInt(6));
        String sk = Feed.mask(msg);
        emit(sk, sk, random.nextInt(6) == 0 ? null : host("core-", 2), random.nextInt(3) == 0 ? null : "routing",
                severity(), msg, "syslog", Map.of());
    }

    private void services() {
        String svc = "svc" + random.nextInt(5);
        String state = random.nextBoolean() ? "stopped" : "started";
        String msg = "Service " + svc + " " + state + "  after\t" + random.nextInt(3000) + " ms";
        emit(Feed.mask(msg), Feed.mask(msg), host("node-", 8), svc, Severity.NOTICE, msg, "syslog", Map.of());
    }

    private int skewed(int n) {
        double u = random.nextDouble();
        return Math.min(n - 1, (int) (n * u * u));
    }

    private String host(String prefix, int n) {
        return prefix + (1 + skewed(n));
    }

    private Severity severity() {
        Severity[] all = Severity.values();
        return all[random.nextInt(all.length)];
    }

    private void emit(String signatureKey, String template, String host, String service, Severity severity,
            String message, String sourceType, Map<String, Object> fields) {
        SignatureId sid = SignatureId.derive(TENANT.value(), signatureKey);
        CanonicalEvent e = new CanonicalEvent(new RawEnvelopeId(nextId++), TENANT, sourceType, "test", "/test", now,
                host, service, severity, null, message, EventFamilyClassifier.classify(template, service), sid,
                fields, Map.of(), PARSER, now);
        steps.add(new Step(signatureKey, template, e, threshold));
    }

    /** Plays steps through a detector the way the ingest service does; returns one line per assessment. */
    static List<String> play(CandidateDetector detector, List<Step> steps) {
        Map<String, Signature> signatures = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            CanonicalEvent e = s.event();
            Signature sig = signatures.get(s.signatureKey());
            if (sig == null) {
                sig = Signature.first(e.signatureId(), TENANT, s.template(), e.message(), e.timestamp(), e.host(),
                        e.service(), e.eventFamily());
                signatures.put(s.signatureKey(), sig);
            } else {
                sig.recordOccurrence(s.template(), e.timestamp(), e.host(), e.service());
            }
            for (Assessment a : detector.observe(e, sig, s.threshold())) {
                out.add(render(i, a));
            }
        }
        return out;
    }

    static String render(int index, Assessment a) {
        var ev = a.evidence();
        return index + "|" + a.type() + "|" + a.patternKey() + "|" + a.title() + "|" + a.breakdown().toString().replace(", memory=0.0]", "]") + "|"
                + a.scoreTotal() + "|" + a.decisionBand() + "|" + a.explanation() + "|" + ev.eventCount() + "|"
                + ev.signatureIds() + "|" + ev.hosts() + "|" + ev.firstSeen() + "|" + ev.lastSeen() + "|"
                + ev.sampleEventIds() + "|" + ev.measures();
    }
}
