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
 * Scenario B, {@code fortnight}: fourteen days of Juniper MX edge routers, an HAProxy pair, Kubernetes nodes
 * (kubelet in klog format, via journald), a postfix relay, a NAS with NUT and ZFS, and a backup host whose
 * nightly job fails.
 */
public final class FortnightScenario {

    public static final String NAME = "fortnight";
    public static final long SEED = 20260316L;
    public static final Instant START = Instant.parse("2026-03-16T00:00:00Z");

    static final String JUNOS_BGP = "junos-bgp-peer-self-heal";
    static final String PREFIX = "junos-prefix-threshold";
    static final String XE_LINK = "junos-xe-link-self-heal";
    static final String HAPROXY = "haproxy-web3-self-heal";
    static final String READINESS = "kubelet-readiness-burst";
    static final String BACKOFF = "kubelet-crashloop-recurring";
    static final String DEFERRED = "postfix-deferred-rising";
    static final String NUT = "nut-on-battery-self-heal";
    static final String ZFS = "zfs-vdev-degraded";
    static final String BACKUP = "backup-nightly-failure";

    static final String COMMIT = "routine-junos-commit";
    static final String ACCESS = "routine-haproxy-access";
    static final String PULLED = "routine-kubelet-pulled";
    static final String BACKUP_START = "routine-backup-start";

    private static final List<String> NODES = List.of("k8s-node-1", "k8s-node-2", "k8s-node-3");
    private static final DateTimeFormatter KLOG = DateTimeFormatter.ofPattern("MMdd HH:mm:ss.SSSSSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HAPROXY_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private FortnightScenario() {
    }

    public static Scenario build() {
        return build(SEED);
    }

    public static Scenario build(long seed) {
        Duration length = Duration.ofDays(14);
        SyslogStream s = new SyslogStream(seed, START, length);
        List<String> servers = List.of("lb-01", "lb-02", "mail-01", "nas-02", "backup-01", "k8s-node-1", "k8s-node-2",
                "k8s-node-3");

        junosBgp(s);
        prefixThreshold(s);
        xeLink(s);
        haproxyWeb3(s);
        readiness(s);
        crashLoop(s);
        deferred(s);
        nut(s);
        zfs(s);
        backup(s);

        LinuxChatter.cron(s, servers, 0);
        LinuxChatter.dailyHousekeeping(s, servers);
        LinuxChatter.deployLogins(s, List.of("lb-01", "lb-02", "backup-01"), 0.1);
        LinuxChatter.postfixSent(s, "mail-01", 8);
        commits(s);
        access(s);
        pulled(s);

        List<Scenario.Planted> planted = List.of(
                new Scenario.Planted(JUNOS_BGP, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("mx-edge-1", "10.1.1.2", "RPD_BGP_NEIGHBOR_STATE_CHANGED"),
                        "BGP peer 10.1.1.2 Established -> Idle (RecvNotify), OpenConfirm -> Established 30-120 s "
                                + "later, 1-2 a day from day 3"),
                new Scenario.Planted(PREFIX, Set.of(CandidateType.RECURRENCE), DecisionBand.WATCH, false,
                        CandidateMatcher.onHost("mx-edge-1", "BGP_PREFIX_THRESH_EXCEEDED"),
                        "BGP_PREFIX_THRESH_EXCEEDED for 10.1.1.2, a few times a day"),
                new Scenario.Planted(XE_LINK, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("mx-edge-2", "SNMP_TRAP_LINK", "xe-0/0/1"),
                        "SNMP_TRAP_LINK_DOWN xe-0/0/1 -> SNMP_TRAP_LINK_UP 5-60 s later, once a day from day 5"),
                new Scenario.Planted(HAPROXY, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHosts(List.of("lb-01", "lb-02"), "web3", "is DOWN", "is UP"),
                        "Server be_app/web3 is DOWN (Layer4 timeout) -> UP (Layer7 check passed) 2-5 min later, "
                                + "2-4 a day from day 4, on both balancers"),
                new Scenario.Planted(READINESS, Set.of(CandidateType.BURST), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHosts(NODES, "Readiness probe failed"),
                        "kubelet Readiness probe failed for shop/cart pods, ~6/min for 5-8 min on days 6, 9, 12; "
                                + "otherwise a few a day"),
                new Scenario.Planted(BACKOFF, Set.of(CandidateType.RECURRENCE), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHosts(NODES, "Back-off restarting failed container"),
                        "kubelet Back-off restarting failed container (err) every 5 min 01:00-06:00 from day 7"),
                new Scenario.Planted(DEFERRED, Set.of(CandidateType.RECURRENCE, CandidateType.BURST),
                        DecisionBand.REVIEW, false, CandidateMatcher.onHost("mail-01", "deferred"),
                        "postfix status=deferred to mx.example.net: 1-2 a day, rising from day 8 to ~20/h"),
                new Scenario.Planted(NUT, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("nas-02", "ups@localhost", "on battery", "line power"),
                        "upsmon UPS ups@localhost on battery -> on line power 20-120 s later, 10 times"),
                new Scenario.Planted(ZFS, Set.of(), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("nas-02", "statechange", "DEGRADED", "resilver"),
                        "zed vdev sdb state=DEGRADED, resilver, state=ONLINE: 25 min on day 10, 3 h on day 13"),
                new Scenario.Planted(BACKUP, Set.of(CandidateType.RECURRENCE), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("backup-01", "rsync error"),
                        "backup.sh rsync error: timeout (code 30), err, ~03:10 every night"));
        List<Scenario.Routine> routine = new ArrayList<>(LinuxChatter.routines(servers, "mail-01"));
        routine.add(new Scenario.Routine(COMMIT, CandidateMatcher.onHosts(List.of("mx-edge-1", "mx-edge-2"),
                "UI_COMMIT")));
        routine.add(new Scenario.Routine(ACCESS, CandidateMatcher.onHosts(List.of("lb-01", "lb-02"), "HTTP/1.1",
                "fe_https")));
        routine.add(new Scenario.Routine(PULLED, CandidateMatcher.onHosts(NODES, "pulled", "Created container",
                "Started container")));
        routine.add(new Scenario.Routine(BACKUP_START, CandidateMatcher.onHost("backup-01", "starting nightly")));
        return new Scenario(NAME, seed, START, length, s.lines(), planted, routine);
    }

    private static void junosBgp(SyslogStream s) {
        for (int d = 2; d < s.days(); d++) {
            int drops = 1 + s.random.nextInt(2);
            for (int i = 0; i < drops; i++) {
                Instant t = s.randomTime(d, i * 12, i * 12 + 12);
                s.emit(t, DAEMON, WARNING, "mx-edge-1", "rpd", "1822", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer "
                        + "10.1.1.2 (External AS 65001) changed state from Established to Idle (event RecvNotify) "
                        + "(instance master)", JUNOS_BGP);
                s.emit(s.plusSeconds(t, 30, 120), DAEMON, INFO, "mx-edge-1", "rpd", "1822",
                        "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer 10.1.1.2 (External AS 65001) changed state from "
                                + "OpenConfirm to Established (event RecvKeepAlive) (instance master)", JUNOS_BGP);
            }
        }
    }

    private static void prefixThreshold(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            int times = 2 + s.random.nextInt(3);
            for (int i = 0; i < times; i++) {
                s.emit(s.randomTime(d, 0, 24), DAEMON, WARNING, "mx-edge-1", "rpd", "1822",
                        "BGP_PREFIX_THRESH_EXCEEDED: 10.1.1.2 (External AS 65001): Configured maximum prefix-limit "
                                + "threshold(80) exceeded for inet-unicast nlri: " + (8000 + s.random.nextInt(400))
                                + " (instance master)", PREFIX);
            }
        }
    }

    private static void xeLink(SyslogStream s) {
        for (int d = 4; d < s.days(); d++) {
            Instant t = s.randomTime(d, 0, 24);
            s.emit(t, DAEMON, WARNING, "mx-edge-2", "mib2d", "1530", "SNMP_TRAP_LINK_DOWN: ifIndex 530, "
                    + "ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/1", XE_LINK);
            s.emit(s.plusSeconds(t, 5, 60), DAEMON, INFO, "mx-edge-2", "mib2d", "1530", "SNMP_TRAP_LINK_UP: ifIndex "
                    + "530, ifAdminStatus up(1), ifOperStatus up(1), ifName xe-0/0/1", XE_LINK);
        }
    }

    private static void haproxyWeb3(SyslogStream s) {
        for (int d = 3; d < s.days(); d++) {
            int times = 2 + s.random.nextInt(3);
            for (int i = 0; i < times; i++) {
                Instant t = s.randomTime(d, i * 6, i * 6 + 6);
                Instant up = s.plusSeconds(t, 120, 300);
                for (String lb : List.of("lb-01", "lb-02")) {
                    Instant seen = s.plusSeconds(t, 0, 2);
                    s.emit(seen, LOCAL0, WARNING, lb, "haproxy", lb.equals("lb-01") ? "2314" : "2290",
                            "Server be_app/web3 is DOWN, reason: Layer4 timeout, check duration: 200"
                                    + s.random.nextInt(10) + "ms. 2 active and 0 backup servers left. "
                                    + s.random.nextInt(4) + " sessions active, 0 requeued, 0 remaining in queue.",
                            HAPROXY);
                    s.emit(s.plusSeconds(up, 0, 2), LOCAL0, NOTICE, lb, "haproxy", lb.equals("lb-01") ? "2314" : "2290",
                            "Server be_app/web3 is UP, reason: Layer7 check passed, code: 200, check duration: "
                                    + (2 + s.random.nextInt(6)) + "ms. 3 active and 0 backup servers online. 0 sessions "
                                    + "requeued, 0 total in queue.", HAPROXY);
                }
            }
        }
    }

    private static String klog(char level, Instant t, String pid, String source, String text) {
        return level + KLOG.format(t) + "    " + pid + " " + source + "] " + text;
    }

    private static void readiness(SyslogStream s) {
        List<String> pods = List.of("shop/cart-7d9f8c6b5-x2k4q", "shop/cart-7d9f8c6b5-m8zrt", "shop/cart-7d9f8c6b5-q4w7n");
        for (Instant t : s.poisson(0.15, null)) {
            readinessLine(s, t, s.random.nextInt(3), pods);
        }
        for (int d : new int[] {5, 8, 11}) {
            Instant t = s.randomTime(d, 10, 20);
            Instant stop = t.plus(Duration.ofMinutes(5 + s.random.nextInt(4)));
            while (t.isBefore(stop)) {
                readinessLine(s, t, s.random.nextInt(3), pods);
                t = s.plusSeconds(t, 7, 13);
            }
        }
    }

    private static void readinessLine(SyslogStream s, Instant t, int replica, List<String> pods) {
        String node = NODES.get(replica);
        String pid = String.valueOf(1200 + replica * 7);
        s.emit(t, DAEMON, INFO, node, "kubelet", pid, klog('I', t, pid, "prober.go:107",
                "\"Readiness probe failed\" probeType=\"Readiness\" pod=\"" + pods.get(replica)
                        + "\" containerName=\"cart\" probeResult=\"failure\" output=\"Get \\\"http://10.244."
                        + (replica + 1) + "." + (10 + replica) + ":8080/ready\\\": context deadline exceeded\""),
                READINESS);
    }

    private static void crashLoop(SyslogStream s) {
        for (int d = 6; d < s.days(); d++) {
            Instant t = s.jitter(s.day(d).plus(Duration.ofHours(1)), 60);
            Instant stop = s.day(d).plus(Duration.ofHours(6));
            String pid = "1207";
            while (t.isBefore(stop)) {
                s.emit(t, DAEMON, ERR, "k8s-node-2", "kubelet", pid, klog('E', t, pid, "pod_workers.go:1298",
                        "\"Error syncing pod, skipping\" err=\"failed to \\\"StartContainer\\\" for \\\"report\\\" with "
                                + "CrashLoopBackOff: \\\"Back-off restarting failed container report in pod "
                                + "report-5c4d8-7kq2p_batch(3f2a9c1e-7b4d-4e1a-9c2b-5d6e7f8a9b0c)\\\"\" "
                                + "pod=\"batch/report-5c4d8-7kq2p\""), BACKOFF);
                t = s.plusSeconds(t, 295, 310);
            }
        }
    }

    private static void deferred(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            double perHour = d < 7 ? 0.07 : Math.min(20, 0.5 * Math.pow(1.8, d - 7));
            Instant from = s.day(d);
            for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(1))); ) {
                t = t.plusMillis((long) (-Math.log(1 - s.random.nextDouble()) / perHour * 3_600_000));
                if (!t.isBefore(from.plus(Duration.ofDays(1)))) {
                    break;
                }
                int delay = 300 + s.random.nextInt(3000);
                s.emit(t, MAIL, INFO, "mail-01", "postfix/smtp", String.valueOf(s.pid()), s.hex(10) + ": to=<orders"
                        + "@example.net>, relay=none, delay=" + delay + ", delays=" + (delay - 30) + "/0.01/30/0, "
                        + "dsn=4.4.1, status=deferred (connect to mx.example.net[203.0.113.25]:25: Connection timed out)",
                        DEFERRED);
            }
        }
    }

    private static void nut(SyslogStream s) {
        for (int i = 0; i < 10; i++) {
            Instant t = s.randomTime(i * 14 / 10, 0, 24);
            s.emit(t, DAEMON, WARNING, "nas-02", "upsmon", "1088", "UPS ups@localhost on battery", NUT);
            s.emit(s.plusSeconds(t, 20, 120), DAEMON, NOTICE, "nas-02", "upsmon", "1088",
                    "UPS ups@localhost on line power", NUT);
        }
    }

    private static void zfs(SyslogStream s) {
        int eid = 400;
        for (int[] episode : new int[][] {{9, 25}, {12, 180}}) {
            Instant t = s.randomTime(episode[0], 3, 5);
            s.emit(t, DAEMON, WARNING, "nas-02", "zed", null, "eid=" + eid++ + " class=statechange pool=tank vdev=sdb "
                    + "state=DEGRADED", ZFS);
            Instant resilver = s.plusSeconds(t, 60, 120);
            s.emit(resilver, DAEMON, INFO, "nas-02", "zed", null, "eid=" + eid++ + " class=resilver_start pool=tank",
                    ZFS);
            Instant done = resilver.plus(Duration.ofMinutes(episode[1]));
            s.emit(done, DAEMON, INFO, "nas-02", "zed", null, "eid=" + eid++ + " class=resilver_finish pool=tank", ZFS);
            s.emit(s.plusSeconds(done, 1, 3), DAEMON, INFO, "nas-02", "zed", null, "eid=" + eid++
                    + " class=statechange pool=tank vdev=sdb state=ONLINE", ZFS);
        }
    }

    private static void backup(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            String pid = String.valueOf(s.pid());
            Instant start = s.jitter(s.day(d).plus(Duration.ofHours(3)), 20);
            s.emit(start, USER, INFO, "backup-01", "backup.sh", pid, "starting nightly backup to backup-02::tank",
                    BACKUP_START);
            s.emit(s.jitter(s.day(d).plus(Duration.ofMinutes(190)), 240), USER, ERR, "backup-01", "backup.sh", pid,
                    "rsync error: timeout in data send/receive (code 30) at io.c(197) [sender=3.2.7]", BACKUP);
        }
    }

    private static void commits(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            int n = d % 7 >= 5 ? s.random.nextInt(2) : 1 + s.random.nextInt(4);
            for (int i = 0; i < n; i++) {
                s.emit(s.randomTime(d, 8, 18), DAEMON, NOTICE, s.pick(List.of("mx-edge-1", "mx-edge-2")), "mgd",
                        String.valueOf(s.pid()), "UI_COMMIT: User 'netops' requested 'commit' operation (comment: "
                                + s.pick(List.of("none", "CHG-" + (4000 + s.random.nextInt(900)))) + ")", COMMIT);
            }
        }
    }

    private static void access(SyslogStream s) {
        List<String> paths = List.of("/api/cart", "/", "/api/products?page=1", "/static/app.js", "/api/login",
                "/api/checkout", "/healthz", "/favicon.ico");
        List<String> backends = List.of("web1", "web2", "web3");
        for (String lb : List.of("lb-01", "lb-02")) {
            String pid = lb.equals("lb-01") ? "2314" : "2290";
            for (Instant t : s.poisson(30, OFFICE)) {
                int status = s.random.nextInt(50) == 0 ? 404 : 200;
                int tt = 2 + s.random.nextInt(80);
                s.emit(t, LOCAL0, INFO, lb, "haproxy", pid, s.ip("203.0.113.") + ":" + s.ephemeralPort() + " ["
                        + HAPROXY_TIME.format(t) + "] fe_https~ be_app/" + s.pick(backends) + " 0/0/1/" + (tt - 1) + "/"
                        + tt + " " + status + " " + (300 + s.random.nextInt(20000)) + " - - ---- " + (40
                        + s.random.nextInt(80)) + "/38/3/1/0 0/0 \"GET " + s.zipf(paths) + " HTTP/1.1\"", ACCESS);
            }
        }
    }

    private static void pulled(SyslogStream s) {
        for (String node : NODES) {
            String pid = String.valueOf(1200 + NODES.indexOf(node) * 7);
            for (Instant t : s.poisson(0.6, OFFICE)) {
                String image = s.zipf(List.of("shop/cart:1.4.2", "shop/catalog:2.0.1", "batch/report:0.9.7",
                        "shop/web:3.3.0"));
                String container = image.substring(image.indexOf('/') + 1, image.indexOf(':'));
                s.emit(t, DAEMON, INFO, node, "kubelet", pid, klog('I', t, pid, "event.go:389",
                        "\"Event occurred\" object=\"" + image.substring(0, image.indexOf('/')) + "/" + container
                                + "-" + s.hex(5).toLowerCase(Locale.ROOT) + "\" kind=\"Pod\" type=\"Normal\" "
                                + "reason=\"Pulled\" message=\"Successfully pulled image \\\"registry.example.net/"
                                + image + "\\\" in " + (200 + s.random.nextInt(3000)) + "ms\""), PULLED);
                Instant c = s.plusSeconds(t, 0.05, 0.3);
                s.emit(c, DAEMON, INFO, node, "kubelet", pid, klog('I', c, pid, "event.go:389",
                        "\"Event occurred\" kind=\"Pod\" type=\"Normal\" reason=\"Created\" message=\"Created "
                                + "container " + container + "\""), PULLED);
                Instant st = s.plusSeconds(c, 0.2, 0.8);
                s.emit(st, DAEMON, INFO, node, "kubelet", pid, klog('I', st, pid, "event.go:389",
                        "\"Event occurred\" kind=\"Pod\" type=\"Normal\" reason=\"Started\" message=\"Started "
                                + "container " + container + "\""), PULLED);
            }
        }
    }
}
