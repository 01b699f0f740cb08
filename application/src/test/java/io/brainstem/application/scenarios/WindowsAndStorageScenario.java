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
 * Scenario C, {@code windows-and-storage}: seven days of Windows event forwarding in Snare's tab-separated
 * {@code MSWinEventLog} syslog format (domain controllers, a print server, Windows services starting and stopping)
 * and a Linux storage host whose MegaRAID controller degrades twice.
 */
public final class WindowsAndStorageScenario {

    public static final String NAME = "windows-and-storage";
    public static final long SEED = 20260323L;
    public static final Instant START = Instant.parse("2026-03-23T00:00:00Z");

    static final String SPOOLER = "print-spooler-self-heal";
    static final String LOGON_BURST = "failed-logon-burst";
    static final String RAID = "megaraid-vd-degraded";

    static final String LOGONS = "routine-4624-logons";
    static final String SERVICES = "routine-service-state";
    static final String TYPOS = "routine-4625-typos";

    private static final DateTimeFormatter SNARE_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> DCS = List.of("dc-01", "dc-02");
    private static final List<String> USERS = List.of("jdoe", "asmith", "mlopez", "kchen", "pnovak", "rsingh",
            "tnguyen", "bwilson", "emuller", "lrossi", "svc-backup", "hkim");

    private WindowsAndStorageScenario() {
    }

    public static Scenario build() {
        return build(SEED);
    }

    public static Scenario build(long seed) {
        Duration length = Duration.ofDays(7);
        SyslogStream s = new SyslogStream(seed, START, length);

        spooler(s);
        logonBurst(s);
        raid(s);
        logons(s);
        services(s);
        LinuxChatter.cron(s, List.of("stor-01"), 1);
        LinuxChatter.dailyHousekeeping(s, List.of("stor-01"));

        List<Scenario.Planted> planted = List.of(
                new Scenario.Planted(SPOOLER, Set.of(CandidateType.SELF_HEAL), DecisionBand.REVIEW, true,
                        CandidateMatcher.onHost("print-01", "Print Spooler"),
                        "7036 The Print Spooler service entered the stopped state -> running state 5-40 s later, "
                                + "3 times a day ('running' is not a recovery word)"),
                new Scenario.Planted(LOGON_BURST, Set.of(CandidateType.BURST), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("dc-01", "4625", "failed to log on"),
                        "4625 An account failed to log on: 60 in 5 min from 10.0.3.44 on day 4, against a few "
                                + "typos an hour"),
                new Scenario.Planted(RAID, Set.of(), DecisionBand.REVIEW, false,
                        CandidateMatcher.onHost("stor-01", "DEGRADED", "megaraid", "VD"),
                        "megaraid_sas VD 01/1 is now DEGRADED -> OPTIMAL: 12 min on day 2, 3 h rebuild on day 5"));
        List<Scenario.Routine> routine = new ArrayList<>(LinuxChatter.routines(List.of("stor-01"), "none"));
        routine.removeIf(r -> r.name().equals(LinuxChatter.POSTFIX_SENT) || r.name().equals(LinuxChatter.SSH_DEPLOY));
        routine.add(new Scenario.Routine(LOGONS, CandidateMatcher.onHosts(DCS, "4624", "4634", "logged")));
        routine.add(new Scenario.Routine(SERVICES, CandidateMatcher.onHosts(List.of("app-w01", "app-w02", "print-01"),
                "7036", "service entered")));
        routine.add(new Scenario.Routine(TYPOS, CandidateMatcher.onHosts(DCS, "4625", "failed to log on")));
        return new Scenario(NAME, seed, START, length, s.lines(), planted, routine);
    }

    /** Snare: {@code MSWinEventLog<TAB>criticality<TAB>log<TAB>counter<TAB>time<TAB>id<TAB>source<TAB>...}. */
    private static void snare(SyslogStream s, Instant at, int severity, String host, String log, int eventId,
            String source, String user, String type, String category, String text, String label) {
        String counter = String.valueOf(s.next());
        String raw = String.join("\t", "MSWinEventLog", severity <= WARNING ? "2" : "1", log,
                counter, SNARE_TIME.format(at), String.valueOf(eventId), source, user, "N/A", type,
                host, category, "", text, counter);
        s.emitBody(at, USER, severity, host, raw, label);
    }

    private static void spooler(SyslogStream s) {
        for (int d = 0; d < s.days(); d++) {
            for (int i = 0; i < 3; i++) {
                Instant t = s.randomTime(d, i * 8, i * 8 + 8);
                snare(s, t, WARNING, "print-01", "System", 7036, "Service Control Manager", "N/A", "Information",
                        "None", "The Print Spooler service entered the stopped state.", SPOOLER);
                snare(s, s.plusSeconds(t, 5, 40), INFO, "print-01", "System", 7036, "Service Control Manager", "N/A",
                        "Information", "None", "The Print Spooler service entered the running state.", SPOOLER);
            }
        }
    }

    private static String failedLogon(String user, String ip, int port) {
        return "An account failed to log on.    Subject:   Security ID:  S-1-0-0   Account Name:  -   "
                + "Logon Type:   3    Account For Which Logon Failed:   Account Name:  " + user + "   Account Domain:  "
                + "CORP    Failure Information:   Failure Reason:  Unknown user name or bad password.   Status:   "
                + "0xC000006D   Sub Status:  0xC000006A    Network Information:   Source Network Address: " + ip
                + "   Source Port:  " + port;
    }

    private static void logonBurst(SyslogStream s) {
        Instant t = s.day(3).plus(Duration.ofHours(13)).plusSeconds(41 * 60 + 12);
        for (int i = 0; i < 60; i++) {
            snare(s, t, WARNING, "dc-01", "Security", 4625, "Microsoft-Windows-Security-Auditing", "N/A",
                    "Failure Audit", "Logon", failedLogon(s.zipf(USERS), "10.0.3.44", s.ephemeralPort()), LOGON_BURST);
            t = s.plusSeconds(t, 2, 8);
        }
    }

    private static void raid(SyslogStream s) {
        long seq = 6100;
        for (int[] episode : new int[][] {{1, 12}, {4, 180}}) {
            Instant t = s.randomTime(episode[0], 1, 23);
            long uptime = 732_000_000L + Duration.between(s.start, t).toSeconds();
            s.emit(t, KERN, CRIT, "stor-01", "kernel", null, "megaraid_sas 0000:03:00.0: " + seq++ + " (" + uptime
                    + "s/0x0002/FATAL) - PD 05(e0x20/s5) is now FAILED", RAID);
            s.emit(s.plusSeconds(t, 0.2, 0.8), KERN, CRIT, "stor-01", "kernel", null, "megaraid_sas 0000:03:00.0: "
                    + seq++ + " (" + uptime + "s/0x0001/CRIT) - VD 01/1 is now DEGRADED", RAID);
            Instant done = t.plus(Duration.ofMinutes(episode[1]));
            long later = uptime + episode[1] * 60L;
            s.emit(done, KERN, INFO, "stor-01", "kernel", null, "megaraid_sas 0000:03:00.0: " + seq++ + " (" + later
                    + "s/0x0002/INFO) - Rebuild complete on VD 01/1", RAID);
            s.emit(s.plusSeconds(done, 0.2, 0.8), KERN, INFO, "stor-01", "kernel", null, "megaraid_sas 0000:03:00.0: "
                    + seq++ + " (" + later + "s/0x0001/INFO) - VD 01/1 is now OPTIMAL", RAID);
        }
    }

    private static void logons(SyslogStream s) {
        for (String dc : DCS) {
            for (Instant t : s.poisson(60, OFFICE)) {
                String user = s.zipf(USERS);
                snare(s, t, INFO, dc, "Security", 4624, "Microsoft-Windows-Security-Auditing", "N/A", "Success Audit",
                        "Logon", "An account was successfully logged on.    Logon Type:   3    New Logon:   "
                                + "Account Name:  " + user + "   Account Domain:  CORP   Logon ID:  0x" + s.hex(7)
                                + "    Network Information:   Source Network Address: " + s.ip("10.0.3.") + "   "
                                + "Source Port:  " + s.ephemeralPort(), LOGONS);
                snare(s, s.plusSeconds(t, 0.5, 30), INFO, dc, "Security", 4634, "Microsoft-Windows-Security-Auditing",
                        "N/A", "Success Audit", "Logoff", "An account was logged off.    Subject:   Account Name:  "
                                + user + "   Account Domain:  CORP   Logon ID:  0x" + s.hex(7) + "    Logon Type: 3",
                        LOGONS);
            }
            for (Instant t : s.poisson(2, OFFICE)) {
                snare(s, t, WARNING, dc, "Security", 4625, "Microsoft-Windows-Security-Auditing", "N/A",
                        "Failure Audit", "Logon", failedLogon(s.zipf(USERS), s.ip("10.0.3."), s.ephemeralPort()), TYPOS);
            }
        }
    }

    private static void services(SyslogStream s) {
        List<String> services = List.of("Windows Modules Installer", "Background Intelligent Transfer Service",
                "WinHTTP Web Proxy Auto-Discovery Service", "Windows Update");
        for (String host : List.of("app-w01", "app-w02", "print-01")) {
            for (Instant t : s.poisson(0.8, null)) {
                String service = s.zipf(services);
                snare(s, t, INFO, host, "System", 7036, "Service Control Manager", "N/A", "Information", "None",
                        "The " + service + " service entered the running state.", SERVICES);
                snare(s, s.plusSeconds(t, 120, 1800), INFO, host, "System", 7036, "Service Control Manager", "N/A",
                        "Information", "None", "The " + service + " service entered the stopped state.", SERVICES);
            }
        }
    }
}
