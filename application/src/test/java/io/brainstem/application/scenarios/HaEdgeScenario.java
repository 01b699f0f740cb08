package io.brainstem.application.scenarios;

import static io.brainstem.application.scenarios.SyslogStream.*;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scenario D, {@code ha-edge}: seven days of a Linux HA edge, in vocabularies no other scenario uses: a keepalived
 * VRRP pair in front of nginx load balancers, a three-node corosync (knet) / pacemaker cluster, and two BIND name
 * servers (query logging, hourly zone transfers). Written before any tuning against it: it is held out.
 *
 * <p>Formats follow the programs' own log strings: keepalived 2.x {@code (VI_1) Entering FAULT STATE},
 * {@code VRRP_Script(chk_nginx) failed (exited with status 1)}; corosync knet {@code [KNET  ] link: host: 3 link: 0
 * is down}, {@code rx: host: 3 link: 0 is up}; nginx's error log ({@code YYYY/MM/DD HH:MM:SS [error] pid#tid: *cid
 * ...}) and combined access log sent to syslog; BIND's {@code zone corp.example/IN: refresh: retry limit for master
 * ... exceeded} and {@code client @0x... (name): query: ...}; pacemaker-controld's {@code State transition S_IDLE ->
 * S_POLICY_ENGINE}.
 */
public final class HaEdgeScenario {

    public static final String NAME = "ha-edge";
    public static final long SEED = 20260330L;
    public static final Instant START = Instant.parse("2026-03-30T00:00:00Z");

    static final String VRRP = "keepalived-chk-nginx-self-heal";
    static final String KNET_FLAP = "corosync-knet-link-flapping";
    static final String ZONE_NIGHTLY = "bind-refresh-nightly";
    static final String UPSTREAM_BURST = "nginx-upstream-timeout-burst";
    static final String KNET_DEAD = "corosync-ring1-down-for-good";
    static final String REFUSED_RISING = "nginx-refused-rising";

    static final String ACCESS = "routine-nginx-access";
    static final String FAVICON = "routine-nginx-favicon";
    static final String QUERIES = "routine-bind-queries";
    static final String XFER = "routine-bind-transfers";
    static final String PACEMAKER = "routine-pacemaker-recheck";

    private static final DateTimeFormatter NGINX_ERROR = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NGINX_ACCESS = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> LBS = List.of("lb-01", "lb-02");
    private static final List<String> WEBS = List.of("web-01", "web-02", "web-03", "web-04");
    private static final List<String> NODES = List.of("cl-01", "cl-02", "cl-03");
    private static final List<String> DNS = List.of("ns-01", "ns-02");
    private static final List<String> PATHS = List.of("/", "/api/products?page=1", "/api/products?page=2",
            "/api/cart", "/static/app.js", "/static/app.css", "/api/orders", "/login", "/api/search?q=lamp",
            "/healthz");

    private HaEdgeScenario() {
    }

    public static Scenario build() {
        return build(SEED);
    }

    public static Scenario build(long seed) {
        Duration length = Duration.ofDays(7);
        SyslogStream s = new SyslogStream(seed, START, length);

        vrrp(s);
        knetFlap(s);
        zoneNightly(s);
        upstreamBurst(s);
        knetDead(s);
        refusedRising(s);
        access(s);
        favicon(s);
        queries(s);
        transfers(s);
        pacemaker(s);
        List<String> linux = new ArrayList<>();
        linux.addAll(LBS);
        linux.addAll(WEBS);
        linux.addAll(NODES);
        linux.addAll(DNS);
        LinuxChatter.cron(s, linux, 2);
        LinuxChatter.dailyHousekeeping(s, linux);

        List<Scenario.Planted> planted = List.of(
                new Scenario.Planted(VRRP, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHosts(LBS, "chk_nginx", "VI_1"),
                        "keepalived on lb-01: VRRP_Script(chk_nginx) failed, (VI_1) Entering FAULT STATE -> script "
                                + "succeeded, BACKUP then MASTER 20-90 s later (lb-02 takes over meanwhile), twice a day"),
                new Scenario.Planted(KNET_FLAP, Set.of(CandidateType.FLAPPING), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHosts(List.of("cl-01", "cl-02"), "link: host", "link: 0 is", "KNET"),
                        "corosync knet link 0 to host 3 down/up every 30-150 s for 20-30 min on days 3 and 5, seen "
                                + "by cl-01 and cl-02"),
                new Scenario.Planted(ZONE_NIGHTLY, Set.of(), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("ns-02", "retry limit", "refresh"),
                        "BIND on ns-02: zone corp.example/IN: refresh: retry limit for master exceeded, warning, "
                                + "every night at about 03:05 (the master's backup window)"),
                new Scenario.Planted(UPSTREAM_BURST, Set.of(CandidateType.BURST), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("lb-01", "upstream timed out"),
                        "nginx upstream timed out while reading response header: 150 in 6 min on lb-01 on day 4, "
                                + "against about one an hour"),
                new Scenario.Planted(KNET_DEAD, Set.of(CandidateType.UNRECOVERED), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("cl-03", "link: host", "is down"),
                        "corosync knet on cl-03: link 1 to host 2 is down on day 6 and never comes up"),
                new Scenario.Planted(REFUSED_RISING, Set.of(CandidateType.BURST, CandidateType.RECURRENCE),
                        DecisionBand.REVIEW, false, CandidateMatcher.onHost("lb-02", "Connection refused"),
                        "nginx connect() failed (111: Connection refused) to 10.0.2.14:8080 on lb-02: a few a day, "
                                + "rising from day 3 to about 30 an hour by day 7"));
        List<String> access = new ArrayList<>(LBS);
        access.addAll(WEBS);
        List<Scenario.Routine> routine = new ArrayList<>(LinuxChatter.routines(linux, "none"));
        routine.removeIf(r -> r.name().equals(LinuxChatter.POSTFIX_SENT) || r.name().equals(LinuxChatter.SSH_DEPLOY));
        routine.add(new Scenario.Routine(ACCESS, CandidateMatcher.onHosts(access, "- - [")));
        routine.add(new Scenario.Routine(FAVICON, CandidateMatcher.onHosts(WEBS, "favicon", "No such file")));
        routine.add(new Scenario.Routine(QUERIES, CandidateMatcher.onHosts(DNS, "query:")));
        routine.add(new Scenario.Routine(XFER, CandidateMatcher.onHosts(DNS, "transfer", "Transfer", "serial")));
        routine.add(new Scenario.Routine(PACEMAKER, CandidateMatcher.onHost("cl-01", "State transition",
                "Calculated transition", "Transition ")));
        return new Scenario(NAME, seed, START, length, s.lines(), planted, routine);
    }

    private static void keepalived(SyslogStream s, Instant at, int severity, String host, String message,
            String label) {
        s.emit(at, DAEMON, severity, host, "Keepalived_vrrp", host.equals("lb-01") ? "1187" : "1203", message, label);
    }

    private static void vrrp(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            for (int i = 0; i < 2; i++) {
                Instant t = s.randomTime(d, i * 12 + 1, i * 12 + 11);
                keepalived(s, t, WARNING, "lb-01", "Script `chk_nginx` now returning 1", VRRP);
                keepalived(s, s.plusSeconds(t, 0, 0.1), INFO, "lb-01",
                        "VRRP_Script(chk_nginx) failed (exited with status 1)", VRRP);
                keepalived(s, s.plusSeconds(t, 0.1, 0.2), INFO, "lb-01", "(VI_1) Entering FAULT STATE", VRRP);
                keepalived(s, s.plusSeconds(t, 0.2, 0.3), INFO, "lb-01", "(VI_1) sent 0 priority", VRRP);
                keepalived(s, s.plusSeconds(t, 0.3, 0.5), INFO, "lb-02", "(VI_1) Backup received priority 0 "
                        + "advertisement", VRRP);
                Instant master = s.plusSeconds(t, 0.8, 1.2);
                keepalived(s, master, INFO, "lb-02", "(VI_1) Receive advertisement timeout", VRRP);
                keepalived(s, s.plusSeconds(master, 0, 0.1), INFO, "lb-02", "(VI_1) Entering MASTER STATE", VRRP);
                Instant back = s.plusSeconds(t, 20, 90);
                keepalived(s, back, INFO, "lb-01", "VRRP_Script(chk_nginx) succeeded", VRRP);
                keepalived(s, s.plusSeconds(back, 0, 0.1), INFO, "lb-01", "(VI_1) Entering BACKUP STATE", VRRP);
                Instant preempt = s.plusSeconds(back, 2.5, 3.5);
                keepalived(s, preempt, INFO, "lb-02", "(VI_1) Master received advert from 10.0.1.11 with higher "
                        + "priority 150, ours 100", VRRP);
                keepalived(s, s.plusSeconds(preempt, 0, 0.1), INFO, "lb-02", "(VI_1) Entering BACKUP STATE", VRRP);
                keepalived(s, s.plusSeconds(preempt, 0.1, 0.3), INFO, "lb-01", "(VI_1) received lower priority "
                        + "(100) advert from 10.0.1.12 - discarding", VRRP);
                keepalived(s, s.plusSeconds(preempt, 0.9, 1.1), INFO, "lb-01", "(VI_1) Entering MASTER STATE",
                        VRRP);
            }
        }
    }

    private static void corosync(SyslogStream s, Instant at, int severity, String host, String message,
            String label) {
        s.emit(at, DAEMON, severity, host, "corosync", String.valueOf(1300 + NODES.indexOf(host) * 7), message,
                label);
    }

    private static void linkDown(SyslogStream s, Instant t, String host, int peer, int link, String label) {
        corosync(s, t, INFO, host, "  [KNET  ] link: host: " + peer + " link: " + link + " is down", label);
        corosync(s, s.plusSeconds(t, 0, 0.05), INFO, host, "  [KNET  ] host: host: " + peer + " (passive) best link: "
                + (1 - link) + " (pri: 1)", label);
    }

    private static void linkUp(SyslogStream s, Instant t, String host, int peer, int link, String label) {
        corosync(s, t, INFO, host, "  [KNET  ] rx: host: " + peer + " link: " + link + " is up", label);
        corosync(s, s.plusSeconds(t, 0, 0.05), INFO, host, "  [KNET  ] link: Resetting MTU for link " + link
                + " because host " + peer + " joined", label);
        corosync(s, s.plusSeconds(t, 0.05, 0.1), INFO, host, "  [KNET  ] host: host: " + peer + " (passive) best "
                + "link: 0 (pri: 1)", label);
    }

    private static void knetFlap(SyslogStream s) {
        for (int d : new int[] {3, 5}) {
            Instant t = s.randomTime(d, 9, 17);
            Instant end = t.plus(Duration.ofMinutes(20 + s.random.nextInt(10)));
            while (t.isBefore(end)) {
                Instant up = s.plusSeconds(t, 10, 60);
                for (String host : List.of("cl-01", "cl-02")) {
                    linkDown(s, s.plusSeconds(t, 0, 1), host, 3, 0, KNET_FLAP);
                    linkUp(s, s.plusSeconds(up, 0, 1), host, 3, 0, KNET_FLAP);
                }
                t = s.plusSeconds(up, 20, 90);
            }
        }
        // one brief bounce of cl-03's ring 1 on day 1: the link has come back before
        Instant t = s.randomTime(1, 10, 16);
        linkDown(s, t, "cl-03", 2, 1, KNET_FLAP);
        linkUp(s, s.plusSeconds(t, 8, 30), "cl-03", 2, 1, KNET_FLAP);
    }

    private static void knetDead(SyslogStream s) {
        Instant t = s.randomTime(6, 2, 6);
        linkDown(s, t, "cl-03", 2, 1, KNET_DEAD);
    }

    private static void named(SyslogStream s, Instant at, int severity, String host, String message, String label) {
        s.emit(at, DAEMON, severity, host, "named", host.equals("ns-01") ? "812" : "798", message, label);
    }

    private static void zoneNightly(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            Instant t = s.jitter(s.day(d).plus(Duration.ofMinutes(185)), 240);
            named(s, t, WARNING, "ns-02", "zone corp.example/IN: refresh: retry limit for master 10.0.0.53#53 "
                    + "exceeded (source 0.0.0.0#0)", ZONE_NIGHTLY);
        }
    }

    private static void transfers(SyslogStream s) {
        long serial = 2026033000L;
        for (Instant t = s.start.plusSeconds(11 * 60); t.isBefore(s.end); t = t.plus(Duration.ofHours(1))) {
            Instant at = s.jitter(t, 60);
            serial++;
            String port = String.valueOf(s.ephemeralPort());
            named(s, at, INFO, "ns-01", "client @0x7f3a2c0" + s.hex(5).toLowerCase(Locale.ROOT) + " 10.0.0.54#"
                    + port + " (corp.example): transfer of 'corp.example/IN': IXFR started (serial " + serial + ")",
                    XFER);
            named(s, s.plusSeconds(at, 0, 0.2), INFO, "ns-02", "zone corp.example/IN: Transfer started.", XFER);
            named(s, s.plusSeconds(at, 0.1, 0.2), INFO, "ns-02", "transfer of 'corp.example/IN' from 10.0.0.53#53: "
                    + "connected using 10.0.0.54#" + port, XFER);
            named(s, s.plusSeconds(at, 0.2, 0.3), INFO, "ns-02", "zone corp.example/IN: transferred serial "
                    + serial, XFER);
            named(s, s.plusSeconds(at, 0.2, 0.3), INFO, "ns-02", "transfer of 'corp.example/IN' from 10.0.0.53#53: "
                    + "Transfer status: success", XFER);
            int records = 200 + s.random.nextInt(30);
            named(s, s.plusSeconds(at, 0.3, 0.4), INFO, "ns-02", "transfer of 'corp.example/IN' from 10.0.0.53#53: "
                    + "Transfer completed: 1 messages, " + records + " records, " + (records * 29) + " bytes, 0.00"
                    + (1 + s.random.nextInt(8)) + " secs (" + (records * 29 * 250) + " bytes/sec)", XFER);
            named(s, s.plusSeconds(at, 0.3, 0.5), INFO, "ns-01", "client @0x7f3a2c0" + s.hex(5).toLowerCase(Locale.ROOT)
                    + " 10.0.0.54#" + port + " (corp.example): transfer of 'corp.example/IN': IXFR ended", XFER);
        }
    }

    private static void queries(SyslogStream s) {
        List<String> names = List.of("www.corp.example", "mail.corp.example", "api.corp.example",
                "intranet.corp.example", "vpn.corp.example", "ldap.corp.example", "wiki.corp.example");
        List<String> types = List.of("A", "AAAA", "A", "MX", "A", "SRV");
        for (String ns : DNS) {
            String self = ns.equals("ns-01") ? "10.0.0.53" : "10.0.0.54";
            for (Instant t : s.poisson(28, OFFICE)) {
                String name = s.zipf(names);
                named(s, t, INFO, ns, "client @0x7f3a2c0" + s.hex(5).toLowerCase(Locale.ROOT) + " "
                        + s.ip("10.0.5.") + "#" + s.ephemeralPort() + " (" + name + "): query: " + name + " IN "
                        + s.zipf(types) + " +E(0)K (" + self + ")", QUERIES);
            }
        }
    }

    private static void nginxError(SyslogStream s, Instant at, int severity, String host, String level,
            String message, String label) {
        String pid = host.equals("lb-01") ? "2211" : host.equals("lb-02") ? "2240" : "1877";
        s.emit(at, LOCAL7, severity, host, "nginx", null, NGINX_ERROR.format(at) + " [" + level + "] " + pid + "#"
                + pid + ": *" + (40_000 + s.next()) + " " + message, label);
    }

    private static String upstreamTimeout(SyslogStream s) {
        String path = s.pick(List.of("/api/cart", "/api/orders", "/api/search?q=lamp"));
        return "upstream timed out (110: Connection timed out) while reading response header from upstream, "
                + "client: " + s.ip("10.0.4.") + ", server: shop.corp.example, request: \"GET " + path
                + " HTTP/1.1\", upstream: \"http://10.0.2." + (11 + s.random.nextInt(3)) + ":8080" + path
                + "\", host: \"shop.corp.example\"";
    }

    private static void upstreamBurst(SyslogStream s) {
        for (Instant t : s.poisson(1, OFFICE)) {
            nginxError(s, t, ERR, "lb-01", "error", upstreamTimeout(s), UPSTREAM_BURST);
        }
        Instant t = s.day(4).plus(Duration.ofHours(14)).plusSeconds(7 * 60 + 31);
        for (int i = 0; i < 150; i++) {
            nginxError(s, t, ERR, "lb-01", "error", upstreamTimeout(s), UPSTREAM_BURST);
            t = s.plusSeconds(t, 0.5, 4.3);
        }
    }

    private static void refusedRising(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            double perHour = d < 3 ? 0.12 : 0.12 * Math.pow(2.3, d - 2);
            for (int h = 0; h < 24; h++) {
                Instant hour = s.day(d).plus(Duration.ofHours(h));
                int n = poissonCount(s, perHour * OFFICE[h]);
                for (int i = 0; i < n; i++) {
                    Instant t = s.plusSeconds(hour, 0, 3600);
                    String path = s.pick(PATHS);
                    nginxError(s, t, ERR, "lb-02", "error", "connect() failed (111: Connection refused) while "
                            + "connecting to upstream, client: " + s.ip("10.0.4.") + ", server: shop.corp.example, "
                            + "request: \"GET " + path + " HTTP/1.1\", upstream: \"http://10.0.2.14:8080" + path
                            + "\", host: \"shop.corp.example\"", REFUSED_RISING);
                }
            }
        }
    }

    private static int poissonCount(SyslogStream s, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= s.random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static void access(SyslogStream s) {
        List<String> agents = List.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15", "kube-probe/1.29",
                "curl/8.5.0");
        List<String> hosts = new ArrayList<>(LBS);
        hosts.addAll(WEBS);
        for (String host : hosts) {
            for (Instant t : s.poisson(host.startsWith("lb") ? 30 : 14, OFFICE)) {
                int status = s.random.nextInt(40) == 0 ? 304 : s.random.nextInt(90) == 0 ? 404 : 200;
                s.emit(t, LOCAL7, INFO, host, "nginx", null, s.ip("10.0.4.") + " - - [" + NGINX_ACCESS.format(t)
                        + "] \"GET " + s.zipf(PATHS) + " HTTP/1.1\" " + status + " " + (200 + s.random.nextInt(24000))
                        + " \"-\" \"" + s.zipf(agents) + "\"", ACCESS);
            }
        }
    }

    private static void favicon(SyslogStream s) {
        for (String host : WEBS) {
            for (Instant t : s.poisson(3, OFFICE)) {
                nginxError(s, t, ERR, host, "error", "open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No "
                        + "such file or directory), client: " + s.ip("10.0.4.") + ", server: shop.corp.example, "
                        + "request: \"GET /favicon.ico HTTP/1.1\", host: \"shop.corp.example\"", FAVICON);
            }
        }
    }

    private static void pacemaker(SyslogStream s) {
        int transition = 400;
        for (Instant t = s.start.plusSeconds(4 * 60); t.isBefore(s.end); t = t.plus(Duration.ofMinutes(15))) {
            Instant at = s.jitter(t, 2);
            transition++;
            String input = "/var/lib/pacemaker/pengine/pe-input-" + (transition % 1000) + ".bz2";
            s.emit(at, DAEMON, NOTICE, "cl-01", "pacemaker-controld", "1650",
                    "notice: State transition S_IDLE -> S_POLICY_ENGINE", PACEMAKER);
            s.emit(s.plusSeconds(at, 0.01, 0.05), DAEMON, NOTICE, "cl-01", "pacemaker-schedulerd", "1649",
                    "notice: Calculated transition " + transition + ", saving inputs in " + input, PACEMAKER);
            s.emit(s.plusSeconds(at, 0.05, 0.1), DAEMON, NOTICE, "cl-01", "pacemaker-controld", "1650",
                    "notice: Transition " + transition + " (Complete=0, Pending=0, Fired=0, Skipped=0, Incomplete=0, "
                            + "Source=" + input + "): Complete", PACEMAKER);
            s.emit(s.plusSeconds(at, 0.1, 0.15), DAEMON, NOTICE, "cl-01", "pacemaker-controld", "1650",
                    "notice: State transition S_TRANSITION_ENGINE -> S_IDLE", PACEMAKER);
        }
    }
}
