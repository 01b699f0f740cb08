package io.brainstem.application.scenarios;

import static io.brainstem.application.scenarios.SyslogStream.*;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scenario A, {@code issue-week}: seven days of a small site (Cisco IOS switches and a WAN router, Linux
 * firewalls with strongSwan, an apcupsd host, a NAS with mdadm, servers with smartd, sshd, cron, postfix) with
 * the failures the issue reported planted into routine chatter.
 *
 * <p>Cisco lines are sent as {@code <PRI>Mmm dd hh:mm:ss host %FAC-S-MNEMONIC: text} (hostname origin-id, no
 * sequence numbers), the form the RFC 3164 parser reads with a host.
 */
public final class IssueWeekScenario {

    public static final String NAME = "issue-week";
    public static final long SEED = 20260309L;
    public static final Instant START = Instant.parse("2026-03-09T00:00:00Z");

    static final String VPN = "vpn-dpd-self-heal";
    static final String BGP = "bgp-neighbor-self-heal";
    static final String UPS = "ups-power-self-heal";
    static final String SMART = "smartd-nightly-crit";
    static final String MDADM = "mdadm-degraded-hourly";
    static final String FLAP = "flapping-gi0-12";
    static final String BRUTE = "sshd-brute-force";
    static final String DEAD_PORT = "port-down-never-up";
    static final String HA_PEER = "ha-peer-link-self-heal";

    static final String ACL = "routine-acl-101-denied";
    static final String UFW = "routine-ufw-block";
    static final String CONFIG = "routine-config-from-vty";
    static final String DESK_PORTS = "routine-desk-ports";

    private IssueWeekScenario() {
    }

    public static Scenario build() {
        return build(SEED);
    }

    public static Scenario build(long seed) {
        Duration length = Duration.ofDays(7);
        SyslogStream s = new SyslogStream(seed, START, length);
        List<String> servers = List.of("web-01", "web-02", "web-03", "web-04", "app-01", "app-02", "app-03", "db-01",
                "db-02", "mail-01", "bastion-01", "nas-01", "fw-01", "fw-02");

        vpn(s);
        bgp(s);
        ups(s);
        smartd(s);
        mdadm(s);
        flapping(s);
        bruteForce(s);
        deadPort(s);
        haPeer(s);

        LinuxChatter.cron(s, servers, 3);
        LinuxChatter.deployLogins(s, List.of("web-01", "web-02", "web-03", "web-04", "app-01", "app-02", "app-03"),
                0.25);
        LinuxChatter.dailyHousekeeping(s, servers);
        LinuxChatter.postfixSent(s, "mail-01", 14);
        acl(s);
        ufw(s);
        configChanges(s);
        deskPorts(s);

        List<Scenario.Planted> planted = List.of(
                new Scenario.Planted(VPN, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("fw-01", "203.0.113.10", "IPsec SA"),
                        "charon: IPsec SA with peer 203.0.113.10 dropped (DPD timeout), established 15-45 s later, "
                                + "twice a day"),
                new Scenario.Planted(BGP, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("rtr-wan-1", "192.0.2.1", "ADJCHANGE", "neighbor"),
                        "%BGP-5-ADJCHANGE neighbor 192.0.2.1 Down, Up 2-8 min later, 3 times a day"),
                new Scenario.Planted(UPS, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("ups-mon-1", "Power"),
                        "apcupsd Power failure. -> Power is back. 10-90 s later, 1-2 a day"),
                new Scenario.Planted(SMART, Set.of(CandidateType.RECURRENCE), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("db-01", "pending", "unreadable", "uncorrectable"),
                        "smartd crit: Currently unreadable (pending) sectors on db-01 at 02:00 every night"),
                new Scenario.Planted(MDADM, Set.of(), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("nas-01", "DegradedArray"),
                        "mdadm DegradedArray on /dev/md0 every hour from day 5 (a new signature that keeps coming)"),
                new Scenario.Planted(FLAP, Set.of(CandidateType.FLAPPING), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("sw-core-1", "GigabitEthernet0/12", "changed state", "UPDOWN"),
                        "sw-core-1 Gi0/12 LINK-3 + LINEPROTO-5 down/up for 20 min once a day"),
                new Scenario.Planted(BRUTE, Set.of(CandidateType.BURST), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("bastion-01", "Failed password"),
                        "80 sshd Failed password from 198.51.100.7 in 10 min on day 6 (signature never seen before)"),
                new Scenario.Planted(DEAD_PORT, Set.of(), DecisionBand.WATCH, false,
                        CandidateMatcher.onHost("sw-edge-2", "changed state", "UPDOWN", "GigabitEthernet0/3"),
                        "sw-edge-2 Gi0/3 down on day 6, never up again"),
                new Scenario.Planted(HA_PEER, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("ha-fw-1", "Peer link"),
                        "ha_monitor Peer link Down -> Peer link Up (capitalised), 20-120 s, about once a day"));
        List<Scenario.Routine> routine = new ArrayList<>(LinuxChatter.routines(servers, "mail-01"));
        routine.add(new Scenario.Routine(ACL, CandidateMatcher.onHost("rtr-wan-1", "IPACCESSLOGP", "denied")));
        routine.add(new Scenario.Routine(UFW, CandidateMatcher.onHosts(List.of("fw-01", "fw-02"), "UFW")));
        routine.add(new Scenario.Routine(CONFIG, CandidateMatcher.onHosts(CISCO, "CONFIG_I", "Configured")));
        routine.add(new Scenario.Routine(DESK_PORTS, CandidateMatcher.onHosts(List.of("sw-access-1", "sw-access-2"),
                "changed state", "UPDOWN")));
        return new Scenario(NAME, seed, START, length, s.lines(), planted, routine);
    }

    static final List<String> CISCO = List.of("sw-core-1", "sw-core-2", "sw-edge-1", "sw-edge-2", "sw-access-1",
            "sw-access-2", "rtr-wan-1");

    private static void vpn(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            for (int[] window : new int[][] {{2, 11}, {13, 23}}) {
                Instant down = s.randomTime(d, window[0], window[1]);
                String pid = "1187";
                s.emit(down, DAEMON, WARNING, "fw-01", "charon", pid,
                        "IPsec SA with peer 203.0.113.10 dropped (DPD timeout)", VPN);
                s.emit(s.plusSeconds(down, 15, 45), DAEMON, INFO, "fw-01", "charon", pid,
                        "IPsec SA with peer 203.0.113.10 established", VPN);
            }
        }
    }

    private static void bgp(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            for (int[] window : new int[][] {{0, 8}, {8, 16}, {16, 24}}) {
                Instant t = s.randomTime(d, window[0], window[1]);
                s.emitTagged(t, LOCAL7, ERR, "rtr-wan-1", "%BGP-3-NOTIFICATION",
                        "sent to neighbor 192.0.2.1 4/0 (hold time expired) 0 bytes", BGP);
                s.emitTagged(s.plusSeconds(t, 0.01, 0.3), LOCAL7, NOTICE, "rtr-wan-1", "%BGP-5-ADJCHANGE",
                        "neighbor 192.0.2.1 Down BGP Notification sent", BGP);
                s.emitTagged(s.plusSeconds(t, 120, 480), LOCAL7, NOTICE, "rtr-wan-1", "%BGP-5-ADJCHANGE",
                        "neighbor 192.0.2.1 Up", BGP);
            }
        }
    }

    private static void ups(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            int events = 1 + s.random.nextInt(2);
            for (int i = 0; i < events; i++) {
                Instant t = s.randomTime(d, i * 12, i * 12 + 12);
                s.emit(t, DAEMON, WARNING, "ups-mon-1", "apcupsd", "903", "Power failure.", UPS);
                s.emit(s.plusSeconds(t, 10, 90), DAEMON, NOTICE, "ups-mon-1", "apcupsd", "903",
                        "Power is back. UPS running on mains.", UPS);
            }
        }
    }

    private static void smartd(SyslogStream s) {
        int pending = 8;
        for (int d = 0; d < s.days(); d++) {
            Instant t = s.jitter(s.day(d).plus(Duration.ofHours(2)), 90);
            pending += s.random.nextInt(3) * 8;
            s.emit(t, DAEMON, CRIT, "db-01", "smartd", "741", "Device: /dev/sdb [SAT], " + pending
                    + " Currently unreadable (pending) sectors", SMART);
            s.emit(s.plusSeconds(t, 0, 1), DAEMON, CRIT, "db-01", "smartd", "741", "Device: /dev/sdb [SAT], " + pending
                    + " Offline uncorrectable sectors", SMART);
        }
    }

    private static void mdadm(SyslogStream s) {
        for (Instant t = s.day(4).plusSeconds(37 * 60); t.isBefore(s.end); t = t.plus(Duration.ofHours(1))) {
            s.emit(s.jitter(t, 20), DAEMON, CRIT, "nas-01", "mdadm", "2210",
                    "DegradedArray event detected on md device /dev/md0", MDADM);
        }
    }

    private static void flapping(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            Instant t = s.randomTime(d, 9, 17);
            Instant stop = t.plus(Duration.ofMinutes(20));
            boolean down = true;
            while (t.isBefore(stop)) {
                String state = down ? "down" : "up";
                s.emitTagged(t, LOCAL7, ERR, "sw-core-1", "%LINK-3-UPDOWN",
                        "Interface GigabitEthernet0/12, changed state to " + state, FLAP);
                s.emitTagged(s.plusSeconds(t, 0.5, 1.5), LOCAL7, NOTICE, "sw-core-1", "%LINEPROTO-5-UPDOWN",
                        "Line protocol on Interface GigabitEthernet0/12, changed state to " + state, FLAP);
                down = !down;
                t = s.plusSeconds(t, 20, 90);
            }
            if (!down) { // it ends up
                s.emitTagged(t, LOCAL7, ERR, "sw-core-1", "%LINK-3-UPDOWN",
                        "Interface GigabitEthernet0/12, changed state to up", FLAP);
                s.emitTagged(s.plusSeconds(t, 0.5, 1.5), LOCAL7, NOTICE, "sw-core-1", "%LINEPROTO-5-UPDOWN",
                        "Line protocol on Interface GigabitEthernet0/12, changed state to up", FLAP);
            }
        }
    }

    private static void bruteForce(SyslogStream s) {
        List<String> users = List.of("root", "admin", "ubuntu", "test", "oracle", "postgres", "user", "git", "pi",
                "ftpuser", "guest", "deploy", "support", "mysql", "www-data");
        Instant t = s.day(5).plus(Duration.ofHours(14)).plusSeconds(23 * 60 + 7);
        for (int i = 0; i < 80; i++) {
            String user = s.zipf(users);
            s.emit(t, AUTH, INFO, "bastion-01", "sshd", String.valueOf(s.pid()), "Failed password for " + user
                    + " from 198.51.100.7 port " + s.ephemeralPort() + " ssh2", BRUTE);
            t = s.plusSeconds(t, 3, 12);
        }
    }

    private static void deadPort(SyslogStream s) {
        Instant t = s.randomTime(5, 10, 11);
        s.emitTagged(t, LOCAL7, ERR, "sw-edge-2", "%LINK-3-UPDOWN",
                "Interface GigabitEthernet0/3, changed state to down", DEAD_PORT);
        s.emitTagged(s.plusSeconds(t, 0.5, 1.2), LOCAL7, NOTICE, "sw-edge-2", "%LINEPROTO-5-UPDOWN",
                "Line protocol on Interface GigabitEthernet0/3, changed state to down", DEAD_PORT);
    }

    private static void haPeer(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            if (s.random.nextInt(5) == 0) {
                continue;
            }
            Instant t = s.randomTime(d, 0, 24);
            s.emit(t, DAEMON, WARNING, "ha-fw-1", "ha_monitor", "1402", "Peer link Down", HA_PEER);
            s.emit(s.plusSeconds(t, 20, 120), DAEMON, NOTICE, "ha-fw-1", "ha_monitor", "1402", "Peer link Up",
                    HA_PEER);
        }
    }

    private static void acl(SyslogStream s) {
        List<Integer> ports = List.of(23, 22, 445, 3389, 1433, 8080, 5900, 25, 110, 161);
        for (Instant t : s.poisson(25, null)) {
            s.emitTagged(t, LOCAL7, INFO, "rtr-wan-1", "%SEC-6-IPACCESSLOGP", "list 101 denied tcp "
                    + s.ip("198.51.100.") + "(" + s.ephemeralPort() + ") -> 192.0.2.10(" + s.zipf(ports) + "), "
                    + (1 + s.random.nextInt(3)) + " packet" , ACL);
        }
    }

    private static void ufw(SyslogStream s) {
        List<Integer> ports = List.of(22, 23, 445, 3389, 80, 8080, 443, 5060, 123, 6379);
        for (String host : List.of("fw-01", "fw-02")) {
            for (Instant t : s.poisson(30, null)) {
                boolean tcp = s.random.nextInt(5) > 0;
                s.emit(t, KERN, WARNING, host, "kernel", null, String.format(java.util.Locale.ROOT,
                        "[%d.%06d] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:00:1c:73:aa:bb:cc:08:00 SRC=%s "
                                + "DST=192.0.2.%d LEN=%d TOS=0x00 PREC=0x00 TTL=%d ID=%d PROTO=%s SPT=%d DPT=%d %s",
                        java.time.Duration.between(s.start, t).toSeconds() + 86_400, s.random.nextInt(1_000_000),
                        s.ip("203.0.113."), host.equals("fw-01") ? 2 : 3, tcp ? 44 : 76, 40 + s.random.nextInt(200),
                        s.random.nextInt(65536), tcp ? "TCP" : "UDP", s.ephemeralPort(), s.zipf(ports),
                        tcp ? "WINDOW=1024 RES=0x00 SYN URGP=0" : "LEN=56"), UFW);
            }
        }
    }

    private static void configChanges(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            int changes = 1 + s.random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                s.emitTagged(s.randomTime(d, 8, 18), LOCAL7, NOTICE, s.pick(CISCO), "%SYS-5-CONFIG_I",
                        "Configured from console by admin on vty0 (10.0.0.5)", CONFIG);
            }
        }
    }

    /** Desk ports on the access switches: down in the evening, up in the morning (no self-heal). */
    private static void deskPorts(SyslogStream s) {
        for (String sw : List.of("sw-access-1", "sw-access-2")) {
            for (int port = 5; port < 11; port++) {
                String ifName = "GigabitEthernet1/0/" + port;
                for (int d = 0; d < s.days(); d++) {
                    if (d % 7 >= 5) {
                        continue;
                    }
                    Instant up = s.randomTime(d, 7, 9);
                    Instant down = s.randomTime(d, 16, 19);
                    for (Object[] change : new Object[][] {{up, "up"}, {down, "down"}}) {
                        Instant t = (Instant) change[0];
                        s.emitTagged(t, LOCAL7, ERR, sw, "%LINK-3-UPDOWN", "Interface " + ifName
                                + ", changed state to " + change[1], DESK_PORTS);
                        s.emitTagged(s.plusSeconds(t, 0.5, 1.5), LOCAL7, NOTICE, sw, "%LINEPROTO-5-UPDOWN",
                                "Line protocol on Interface " + ifName + ", changed state to " + change[1], DESK_PORTS);
                    }
                }
            }
        }
    }
}
