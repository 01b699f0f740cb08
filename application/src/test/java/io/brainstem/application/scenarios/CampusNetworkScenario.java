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
 * Scenario E, {@code campus-network}: seven days of a campus network in vocabularies no other scenario uses: Arista
 * EOS spine and leaf switches ({@code Bgp: %BGP-5-ADJCHANGE: peer ... old state Established event HoldTimerExpired
 * new state Idle}, {@code %SPANTREE-6-INTERFACE_STATE}, {@code %ETH-4-HOST_FLAPPING}), a FortiGate firewall in its
 * {@code key="value"} log format (traffic, IPsec tunnel up/down, link monitor, admin logins) relayed with a BSD
 * header, and ntpd on the log host. Written before any tuning against it: it is held out.
 */
public final class CampusNetworkScenario {

    public static final String NAME = "campus-network";
    public static final long SEED = 20260406L;
    public static final Instant START = Instant.parse("2026-04-06T00:00:00Z");

    static final String BGP = "arista-bgp-peer-self-heal";
    static final String TUNNEL_FLAP = "fortigate-tunnel-flapping";
    static final String NTP_NIGHTLY = "ntpd-unsync-nightly";
    static final String ADMIN_BURST = "fortigate-admin-login-burst";
    static final String UPLINK_DEAD = "arista-uplink-down-for-good";
    static final String HOST_FLAP_RISING = "arista-host-flapping-rising";
    static final String ISP_OUTAGE = "fortigate-isp2-long-outage";

    static final String TRAFFIC = "routine-fgt-traffic";
    static final String DENY = "routine-fgt-deny";
    static final String ADMIN = "routine-fgt-admin-logins";
    static final String DESK = "routine-arista-desk-ports";
    static final String CONFIG = "routine-arista-config";

    private static final DateTimeFormatter FGT_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FGT_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> LEAVES = List.of("leaf-01", "leaf-02", "leaf-03", "leaf-04", "leaf-05",
            "leaf-06");
    private static final String FGT = "fgt-hq";
    private static final List<String> ADMINS = List.of("netops", "jdoe", "kchen", "svc-backup");

    private CampusNetworkScenario() {
    }

    public static Scenario build() {
        return build(SEED);
    }

    public static Scenario build(long seed) {
        Duration length = Duration.ofDays(7);
        SyslogStream s = new SyslogStream(seed, START, length);

        bgp(s);
        tunnelFlap(s);
        ntpNightly(s);
        adminBurst(s);
        uplink(s);
        hostFlapping(s);
        isp2(s);
        traffic(s);
        deny(s);
        adminLogins(s);
        deskPorts(s);
        config(s);
        LinuxChatter.cron(s, List.of("log-01"), 1);
        LinuxChatter.dailyHousekeeping(s, List.of("log-01"));

        List<String> switches = new ArrayList<>(List.of("spine-01", "spine-02"));
        switches.addAll(LEAVES);
        List<Scenario.Planted> planted = List.of(
                new Scenario.Planted(BGP, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("spine-01", "10.255.0.7", "ADJCHANGE", "old state"),
                        "Arista spine-01 BGP peer 10.255.0.7 old state Established ... new state Idle "
                                + "(HoldTimerExpired) -> new state Established 40-150 s later, twice a day from day 1"),
                new Scenario.Planted(TUNNEL_FLAP, Set.of(CandidateType.FLAPPING), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost(FGT, "tunnel-down", "tunnel down", "tunnel-up", "tunnel up"),
                        "FortiGate IPsec tunnel to-branch-7 down/up every 1-3 min for about 25 min on days 2 and 5"),
                new Scenario.Planted(NTP_NIGHTLY, Set.of(), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("log-01", "TIME_ERROR", "Unsynchronized"),
                        "ntpd on log-01: kernel reports TIME_ERROR: 0x41: Clock Unsynchronized, warning, every "
                                + "night at about 04:10"),
                new Scenario.Planted(ADMIN_BURST, Set.of(CandidateType.BURST), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost(FGT, "login failed", "Admin login failed"),
                        "FortiGate Admin login failed from 198.51.100.77: 90 in 8 min on day 4, against a typo or "
                                + "two a day"),
                new Scenario.Planted(UPLINK_DEAD, Set.of(CandidateType.UNRECOVERED), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("leaf-03", "Ethernet49/1", "changed state to down"),
                        "leaf-03 uplink Ethernet49/1 bounces once for 20 s on day 1, then goes down on day 5 and "
                                + "stays down"),
                new Scenario.Planted(HOST_FLAP_RISING, Set.of(CandidateType.BURST, CandidateType.RECURRENCE),
                        DecisionBand.REVIEW, false, CandidateMatcher.onHost("leaf-02", "HOST_FLAPPING", "flapping"),
                        "leaf-02 %ETH-4-HOST_FLAPPING for one MAC between Ethernet7 and Port-Channel1: one a day, "
                                + "rising from day 3 to about 20 an hour by day 7 (a loop forming)"),
                new Scenario.Planted(ISP_OUTAGE, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost(FGT, "Link Monitor", "link monitor"),
                        "FortiGate link monitor isp2/wan2 alive -> dead: 2-6 min on days 0, 1 and 3, then 2.5 h "
                                + "on day 6, each time back to alive"));
        List<Scenario.Routine> routine = new ArrayList<>(LinuxChatter.routines(List.of("log-01"), "none"));
        routine.removeIf(r -> r.name().equals(LinuxChatter.POSTFIX_SENT) || r.name().equals(LinuxChatter.SSH_DEPLOY));
        routine.add(new Scenario.Routine(TRAFFIC, CandidateMatcher.onHost(FGT, "subtype=\"forward\"")));
        routine.add(new Scenario.Routine(DENY, CandidateMatcher.onHost(FGT, "subtype=\"local\"")));
        routine.add(new Scenario.Routine(ADMIN, CandidateMatcher.onHost(FGT, "Admin login", "logged in")));
        routine.add(new Scenario.Routine(DESK, CandidateMatcher.onHosts(LEAVES, "SPANTREE", "moving from",
                "Line protocol on Interface Ethernet", "Interface Ethernet")));
        routine.add(new Scenario.Routine(CONFIG, CandidateMatcher.onHosts(switches, "CONFIG_I", "Configured from")));
        return new Scenario(NAME, seed, START, length, s.lines(), planted, routine);
    }

    // --- Arista EOS -----------------------------------------------------------------------------------------

    private static void eos(SyslogStream s, Instant at, int severity, String host, String agent, String message,
            String label) {
        s.emitTagged(at, LOCAL7, severity, host, agent, message, label);
    }

    private static void bgp(SyslogStream s) {
        for (int d = 1; d < s.days(); d++) {
            for (int i = 0; i < 2; i++) {
                Instant t = s.randomTime(d, i * 12, i * 12 + 12);
                eos(s, t, ERR, "spine-01", "Bgp", "%BGP-3-NOTIFICATION: sent to neighbor 10.255.0.7 (VRF default "
                        + "AS 65107) 4/0 (Hold Timer Expired Error/Unspecified) 0 bytes", BGP);
                eos(s, s.plusSeconds(t, 0, 0.1), NOTICE, "spine-01", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.0.7 "
                        + "(VRF default AS 65107) old state Established event HoldTimerExpired new state Idle", BGP);
                Instant back = s.plusSeconds(t, 40, 150);
                eos(s, back, NOTICE, "spine-01", "Bgp", "%BGP-5-ADJCHANGE: peer 10.255.0.7 (VRF default AS 65107) "
                        + "old state OpenConfirm event RecvKeepAlive new state Established", BGP);
            }
        }
    }

    private static void lineProto(SyslogStream s, Instant t, String host, String ifName, String state,
            String label) {
        eos(s, t, ERR, host, "Ebra", "%LINK-3-UPDOWN: Interface " + ifName + ", changed state to " + state, label);
        eos(s, s.plusSeconds(t, 0.01, 0.2), NOTICE, host, "Ebra", "%LINEPROTO-5-UPDOWN: Line protocol on Interface "
                + ifName + ", changed state to " + state, label);
    }

    private static void uplink(SyslogStream s) {
        Instant t = s.randomTime(1, 10, 16);
        lineProto(s, t, "leaf-03", "Ethernet49/1", "down", UPLINK_DEAD);
        lineProto(s, s.plusSeconds(t, 15, 25), "leaf-03", "Ethernet49/1", "up", UPLINK_DEAD);
        lineProto(s, s.randomTime(5, 9, 15), "leaf-03", "Ethernet49/1", "down", UPLINK_DEAD);
    }

    private static void deskPorts(SyslogStream s) {
        for (String leaf : LEAVES) {
            for (int port = 5; port < 15; port++) {
                String ifName = "Ethernet" + port;
                for (int d = 0; d < s.days(); d++) {
                    if (d % 7 >= 5) {
                        continue;
                    }
                    Instant up = s.randomTime(d, 7, 9);
                    lineProto(s, up, leaf, ifName, "up", DESK);
                    eos(s, s.plusSeconds(up, 1, 2), INFO, leaf, "Stp", "%SPANTREE-6-INTERFACE_STATE: Interface "
                            + ifName + " instance MST0 moving from discarding to learning", DESK);
                    eos(s, s.plusSeconds(up, 2, 3), INFO, leaf, "Stp", "%SPANTREE-6-INTERFACE_STATE: Interface "
                            + ifName + " instance MST0 moving from learning to forwarding", DESK);
                    Instant down = s.randomTime(d, 16, 19);
                    lineProto(s, down, leaf, ifName, "down", DESK);
                    eos(s, s.plusSeconds(down, 0, 0.5), INFO, leaf, "Stp", "%SPANTREE-6-INTERFACE_STATE: Interface "
                            + ifName + " instance MST0 moving from forwarding to disabled", DESK);
                }
            }
        }
    }

    private static void hostFlapping(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            double perHour = d < 3 ? 0.05 : 0.05 * Math.pow(2.9, d - 2);
            for (int h = 0; h < 24; h++) {
                Instant hour = s.day(d).plus(Duration.ofHours(h));
                int n = poissonCount(s, perHour);
                for (int i = 0; i < n; i++) {
                    boolean forward = s.random.nextBoolean();
                    eos(s, s.plusSeconds(hour, 0, 3600), WARNING, "leaf-02", "Ebra", "%ETH-4-HOST_FLAPPING: Host "
                            + "00:1c:73:4e:9a:21 in VLAN 120 is flapping between interface "
                            + (forward ? "Ethernet7 and interface Port-Channel1" : "Port-Channel1 and interface Ethernet7"),
                            HOST_FLAP_RISING);
                }
            }
        }
    }

    private static void config(SyslogStream s) {
        List<String> switches = new ArrayList<>(List.of("spine-01", "spine-02"));
        switches.addAll(LEAVES);
        for (Instant t : s.poisson(0.15, OFFICE)) {
            eos(s, t, NOTICE, s.pick(switches), "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by "
                    + s.pick(ADMINS.subList(0, 3)) + " on vty" + s.random.nextInt(6) + " (10.1.0." + (10
                    + s.random.nextInt(4)) + ")", CONFIG);
        }
    }

    // --- FortiGate --------------------------------------------------------------------------------------------

    /** FortiOS key="value" log, relayed by the collector with a BSD header and the device's name. */
    private static void fortigate(SyslogStream s, Instant at, int severity, String logid, String type,
            String subtype, String level, String rest, String label) {
        String body = "date=" + FGT_DATE.format(at) + " time=" + FGT_TIME.format(at) + " devname=\"" + FGT
                + "\" devid=\"FG100FTK20001234\" eventtime=" + at.getEpochSecond() + String.format(Locale.ROOT,
                "%09d", s.random.nextInt(1_000_000_000)) + " tz=\"+0000\" logid=\"" + logid + "\" type=\"" + type
                + "\" subtype=\"" + subtype + "\" level=\"" + level + "\" vd=\"root\" " + rest;
        s.emitBody(at, LOCAL7, severity, FGT, body, label);
    }

    private static void tunnel(SyslogStream s, Instant at, boolean up, String label) {
        String action = up ? "tunnel-up" : "tunnel-down";
        String desc = up ? "IPsec tunnel up" : "IPsec tunnel down";
        fortigate(s, at, NOTICE, up ? "0101037138" : "0101037141", "event", "vpn", "notice",
                "logdesc=\"" + desc + "\" msg=\"" + desc + "\" action=\"" + action + "\" remip=203.0.113.70 "
                        + "locip=198.51.100.2 remport=500 locport=500 outintf=\"wan1\" cookies=\"" + s.hex(16)
                                .toLowerCase(Locale.ROOT) + "/" + s.hex(16).toLowerCase(Locale.ROOT) + "\" user=\"N/A\""
                        + " group=\"N/A\" vpntunnel=\"to-branch-7\" tunnelip=N/A tunnelid=" + (100 + s.next() % 900)
                        + " tunneltype=\"ipsec\"", label);
    }

    private static void tunnelFlap(SyslogStream s) {
        for (int d : new int[] {2, 5}) {
            Instant t = s.randomTime(d, 8, 18);
            Instant end = t.plus(Duration.ofMinutes(22 + s.random.nextInt(8)));
            while (t.isBefore(end)) {
                tunnel(s, t, false, TUNNEL_FLAP);
                Instant up = s.plusSeconds(t, 20, 80);
                tunnel(s, up, true, TUNNEL_FLAP);
                t = s.plusSeconds(up, 40, 100);
            }
        }
    }

    private static void linkMonitor(SyslogStream s, Instant at, boolean alive, String label) {
        fortigate(s, at, alive ? NOTICE : CRIT, "0100022932", "event", "system", alive ? "notice" : "critical",
                "logdesc=\"Link monitor status\" name=\"isp2\" interface=\"wan2\" probeproto=\"ping\" msg=\"Link "
                        + "Monitor changed state from " + (alive ? "dead to alive" : "alive to dead")
                        + ", protocol: ping.\"", label);
    }

    private static void isp2(SyslogStream s) {
        for (int[] outage : new int[][] {{0, 3}, {1, 6}, {3, 2}, {6, 150}}) {
            Instant t = s.randomTime(outage[0], outage[1] > 60 ? 8 : 1, outage[1] > 60 ? 12 : 22);
            linkMonitor(s, t, false, ISP_OUTAGE);
            linkMonitor(s, s.plusSeconds(t, outage[1] * 60 - 20, outage[1] * 60 + 20), true, ISP_OUTAGE);
        }
    }

    private static void adminFailed(SyslogStream s, Instant at, String user, String ip, String label) {
        fortigate(s, at, ALERT_SEVERITY, "0100032002", "event", "system", "alert", "logdesc=\"Admin login failed\" "
                + "sn=\"0\" user=\"" + user + "\" ui=\"https(" + ip + ")\" method=\"https\" srcip=" + ip
                + " dstip=198.51.100.2 action=\"login\" status=\"failed\" reason=\"passwd_invalid\" msg=\""
                + "Administrator " + user + " login failed from https(" + ip + ") because of invalid password\"",
                label);
    }

    private static final int ALERT_SEVERITY = 1;

    private static void adminBurst(SyslogStream s) {
        Instant t = s.day(4).plus(Duration.ofHours(2)).plusSeconds(13 * 60 + 5);
        List<String> guesses = List.of("admin", "root", "administrator", "fortinet", "test", "user");
        for (int i = 0; i < 90; i++) {
            adminFailed(s, t, s.zipf(guesses), "198.51.100.77", ADMIN_BURST);
            t = s.plusSeconds(t, 2, 8.5);
        }
    }

    private static void adminLogins(SyslogStream s) {
        for (Instant t : s.poisson(0.9, OFFICE)) {
            String user = s.zipf(ADMINS);
            String ip = "10.1.0." + (10 + ADMINS.indexOf(user));
            Instant at = t;
            if (s.random.nextInt(5) == 0) {
                adminFailed(s, at, user, ip, ADMIN);
                at = s.plusSeconds(at, 4, 25);
            }
            String ui = user.equals("svc-backup") ? "ssh" : "https";
            fortigate(s, at, INFO, "0100032001", "event", "system", "information", "logdesc=\"Admin login "
                    + "successful\" sn=\"" + s.hex(8).toLowerCase(Locale.ROOT) + "\" user=\"" + user + "\" ui=\""
                    + ui + "(" + ip + ")\" method=\"" + ui + "\" srcip=" + ip + " dstip=10.1.0.1 action=\"login\" "
                    + "status=\"success\" reason=\"none\" profile=\"super_admin\" msg=\"Administrator " + user
                    + " logged in successfully from " + ui + "(" + ip + ")\"", ADMIN);
            fortigate(s, s.plusSeconds(at, 60, 1800), INFO, "0100032003", "event", "system", "information",
                    "logdesc=\"Admin logout successful\" sn=\"" + s.hex(8).toLowerCase(Locale.ROOT) + "\" user=\""
                            + user + "\" ui=\"" + ui + "(" + ip + ")\" method=\"" + ui + "\" srcip=" + ip
                            + " dstip=10.1.0.1 action=\"logout\" status=\"success\" duration=" + (60
                            + s.random.nextInt(1700)) + " state=\"Connection-closed\" msg=\"Administrator " + user
                            + " logged out from " + ui + "(" + ip + ")\"", ADMIN);
        }
    }

    private static void traffic(SyslogStream s) {
        List<String> services = List.of("HTTPS", "HTTPS", "DNS", "HTTP", "NTP", "SMTPS", "SSH");
        List<Integer> ports = List.of(443, 443, 53, 80, 123, 465, 22);
        for (Instant t : s.poisson(110, OFFICE)) {
            int k = services.indexOf(s.zipf(services));
            int sent = 200 + s.random.nextInt(30000);
            fortigate(s, t, NOTICE, "0000000013", "traffic", "forward", "notice", "srcip=10.1." + (20
                    + s.random.nextInt(8)) + "." + (2 + s.random.nextInt(250)) + " srcport=" + s.ephemeralPort()
                    + " srcintf=\"internal\" srcintfrole=\"lan\" dstip=" + s.ip("142.250.74.") + " dstport="
                    + ports.get(k) + " dstintf=\"wan1\" dstintfrole=\"wan\" sessionid=" + (10_000_000 + s.next())
                    + " proto=" + (k == 2 || k == 4 ? 17 : 6) + " action=\"" + (k == 2 || k == 4 ? "accept" : "close")
                    + "\" policyid=12 policytype=\"policy\" service=\"" + services.get(k) + "\" dstcountry=\"United "
                    + "States\" srccountry=\"Reserved\" trandisp=\"snat\" transip=198.51.100.2 transport="
                    + s.ephemeralPort() + " duration=" + (1 + s.random.nextInt(300)) + " sentbyte=" + sent
                    + " rcvdbyte=" + (sent * (1 + s.random.nextInt(20))) + " sentpkt=" + (2 + s.random.nextInt(40))
                    + " rcvdpkt=" + (2 + s.random.nextInt(60)) + " appcat=\"unscanned\"", TRAFFIC);
        }
    }

    private static void deny(SyslogStream s) {
        List<Integer> ports = List.of(23, 445, 3389, 22, 8080, 5900, 1433);
        for (Instant t : s.poisson(25, null)) {
            int port = s.zipf(ports);
            fortigate(s, t, NOTICE, "0001000014", "traffic", "local", "notice", "srcip=" + s.ip("185.220."
                    + s.random.nextInt(256) + ".") + " srcport=" + s.ephemeralPort() + " srcintf=\"wan1\" "
                    + "srcintfrole=\"wan\" dstip=198.51.100.2 dstport=" + port + " dstintf=\"root\" dstintfrole="
                    + "\"undefined\" sessionid=" + (10_000_000 + s.next()) + " proto=6 action=\"deny\" policyid=0 "
                    + "policytype=\"local-in-policy\" service=\"tcp/" + port + "\" dstcountry=\"Reserved\" "
                    + "srccountry=\"Germany\" trandisp=\"noop\" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 "
                    + "appcat=\"unscanned\" crscore=5 craction=262144 crlevel=\"low\"", DENY);
        }
    }

    // --- ntpd ---------------------------------------------------------------------------------------------

    private static void ntpNightly(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            Instant t = s.jitter(s.day(d).plus(Duration.ofMinutes(250)), 300);
            s.emit(t, DAEMON, WARNING, "log-01", "ntpd", "911", "kernel reports TIME_ERROR: 0x41: Clock "
                    + "Unsynchronized", NTP_NIGHTLY);
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
}
