package io.brainstem.application.scenarios;

import static io.brainstem.application.scenarios.SyslogStream.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Routine Linux server chatter shared by the scenarios: cron, deploy logins, systemd, chrony, postfix. */
final class LinuxChatter {

    static final String CRON = "routine-cron";
    static final String SSH_DEPLOY = "routine-ssh-deploy";
    static final String SYSTEMD = "routine-systemd";
    static final String CHRONY = "routine-chrony";
    static final String POSTFIX_SENT = "routine-postfix-sent";

    private LinuxChatter() {
    }

    /** Hourly run-parts at :17 on every host, plus sysstat every 10 min on the first {@code sa1Hosts}. */
    static void cron(SyslogStream s, List<String> hosts, int sa1Hosts) {
        for (int h = 0; h < hosts.size(); h++) {
            String host = hosts.get(h);
            for (Instant t = s.start.plusSeconds(17 * 60 + 1); t.isBefore(s.end); t = t.plus(Duration.ofHours(1))) {
                cronJob(s, host, s.plusSeconds(t, 0, 0.9), "   cd / && run-parts --report /etc/cron.hourly");
            }
            if (h < sa1Hosts) {
                for (Instant t = s.start.plusSeconds(5 * 60 + 1); t.isBefore(s.end); t = t.plus(Duration.ofMinutes(10))) {
                    cronJob(s, host, s.plusSeconds(t, 0, 0.9),
                            "command -v debian-sa1 > /dev/null && debian-sa1 1 1");
                }
            }
        }
    }

    private static void cronJob(SyslogStream s, String host, Instant at, String command) {
        String pid = String.valueOf(s.pid());
        s.emit(at, AUTHPRIV, INFO, host, "CRON", pid,
                "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)", CRON);
        s.emit(at, SyslogStream.CRON, INFO, host, "CRON", pid, "(root) CMD (" + command + ")", CRON);
        s.emit(s.plusSeconds(at, 0.1, 2.5), AUTHPRIV, INFO, host, "CRON", pid,
                "pam_unix(cron:session): session closed for user root", CRON);
    }

    /** Deploy logins by key from the CI runner, a few times a working day per host, with their sessions. */
    static void deployLogins(SyslogStream s, List<String> hosts, double perHour) {
        for (String host : hosts) {
            int session = 100 + s.random.nextInt(400);
            for (Instant at : s.poisson(perHour, OFFICE)) {
                String pid = String.valueOf(s.pid());
                session++;
                s.emit(at, AUTH, INFO, host, "sshd", pid, "Accepted publickey for deploy from 10.0.0." + (20
                        + s.random.nextInt(3)) + " port " + s.ephemeralPort() + " ssh2: ED25519 SHA256:"
                        + "q7Zr1xK0dQ2vW9yTfB3nLmP8sH4cJ6eA5uGiOaRkX1E", SSH_DEPLOY);
                s.emit(at, AUTHPRIV, INFO, host, "sshd", pid,
                        "pam_unix(sshd:session): session opened for user deploy(uid=1001) by (uid=0)", SSH_DEPLOY);
                s.emit(s.plusSeconds(at, 0, 0.2), AUTHPRIV, INFO, host, "systemd-logind", "612",
                        "New session " + session + " of user deploy.", SYSTEMD);
                s.emit(s.plusSeconds(at, 0.1, 0.4), DAEMON, INFO, host, "systemd", "1",
                        "Started Session " + session + " of user deploy.", SYSTEMD);
                Instant out = s.plusSeconds(at, 8, 240);
                s.emit(out, AUTH, INFO, host, "sshd", pid, "Received disconnect from 10.0.0.21 port "
                        + s.ephemeralPort() + ":11: disconnected by user", SSH_DEPLOY);
                s.emit(out, AUTHPRIV, INFO, host, "sshd", pid,
                        "pam_unix(sshd:session): session closed for user deploy", SSH_DEPLOY);
                s.emit(s.plusSeconds(out, 0, 0.3), AUTHPRIV, INFO, host, "systemd-logind", "612",
                        "Session " + session + " logged out. Waiting for processes to exit.", SYSTEMD);
                s.emit(s.plusSeconds(out, 0.3, 0.6), AUTHPRIV, INFO, host, "systemd-logind", "612",
                        "Removed session " + session + ".", SYSTEMD);
            }
        }
    }

    /** Daily systemd timers (tmpfiles cleanup, apt, logrotate) and chrony source selection. */
    static void dailyHousekeeping(SyslogStream s, List<String> hosts) {
        for (String host : hosts) {
            for (int d = 0; d < s.days(); d++) {
                Instant tmp = s.plusSeconds(s.day(d), 0, 86_400);
                s.emit(tmp, DAEMON, INFO, host, "systemd", "1", "Starting Cleanup of Temporary Directories...", SYSTEMD);
                s.emit(s.plusSeconds(tmp, 0.05, 0.4), DAEMON, INFO, host, "systemd", "1",
                        "systemd-tmpfiles-clean.service: Deactivated successfully.", SYSTEMD);
                s.emit(s.plusSeconds(tmp, 0.4, 0.6), DAEMON, INFO, host, "systemd", "1",
                        "Finished Cleanup of Temporary Directories.", SYSTEMD);
                Instant rotate = s.jitter(s.day(d).plusSeconds(0), 120);
                s.emit(rotate, DAEMON, INFO, host, "systemd", "1", "Starting Rotate log files...", SYSTEMD);
                s.emit(s.plusSeconds(rotate, 0.2, 1.5), DAEMON, INFO, host, "systemd", "1",
                        "logrotate.service: Succeeded.", SYSTEMD);
                s.emit(s.plusSeconds(rotate, 1.5, 2.0), DAEMON, INFO, host, "systemd", "1",
                        "Finished Rotate log files.", SYSTEMD);
                Instant apt = s.randomTime(d, 6, 7);
                s.emit(apt, DAEMON, INFO, host, "systemd", "1", "Starting Daily apt upgrade and clean activities...",
                        SYSTEMD);
                s.emit(s.plusSeconds(apt, 2, 30), DAEMON, INFO, host, "systemd", "1", "apt-daily-upgrade.service: "
                        + "Deactivated successfully.", SYSTEMD);
                if (s.random.nextInt(3) == 0) {
                    s.emit(s.randomTime(d, 0, 24), DAEMON, INFO, host, "chronyd", "588", "Selected source "
                            + s.pick(List.of("192.0.2.123 (ntp1.example.net)", "192.0.2.124 (ntp2.example.net)")),
                            CHRONY);
                }
                if (s.random.nextInt(5) == 0) {
                    s.emit(s.randomTime(d, 0, 24), DAEMON, WARNING, host, "chronyd", "588", "System clock wrong by "
                            + String.format(java.util.Locale.ROOT, "%.6f", 0.2 + s.random.nextDouble() * 1.4)
                            + " seconds, adjustment started", CHRONY);
                }
            }
        }
    }

    /** Outbound mail from one relay: qmgr, smtp status=sent, removed. Returns the queue-id generator's stream. */
    static void postfixSent(SyslogStream s, String host, double perHour) {
        List<String> domains = List.of("example.org", "example.com", "example.net", "mail.example.io");
        List<String> rcpts = List.of("ops", "billing", "alice", "bob", "noc", "carol", "dave", "support");
        for (Instant at : s.poisson(perHour, OFFICE)) {
            String id = s.hex(10);
            String domain = s.zipf(domains);
            s.emit(at, MAIL, INFO, host, "postfix/qmgr", String.valueOf(s.pid()), id + ": from=<noreply@corp.example>,"
                    + " size=" + (900 + s.random.nextInt(40000)) + ", nrcpt=1 (queue active)", POSTFIX_SENT);
            double delay = 0.2 + s.random.nextDouble() * 2;
            s.emit(s.plusSeconds(at, delay, delay + 0.1), MAIL, INFO, host, "postfix/smtp", String.valueOf(s.pid()),
                    id + ": to=<" + s.zipf(rcpts) + "@" + domain + ">, relay=mx." + domain + "[198.51.100."
                            + (20 + domains.indexOf(domain)) + "]:25, delay=" + String.format(java.util.Locale.ROOT,
                            "%.1f", delay) + ", delays=0.05/0.01/0.1/" + String.format(java.util.Locale.ROOT,
                            "%.2f", delay * 0.7) + ", dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as " + s.hex(10)
                            + ")", POSTFIX_SENT);
            s.emit(s.plusSeconds(at, delay + 0.1, delay + 0.2), MAIL, INFO, host, "postfix/qmgr",
                    String.valueOf(s.pid()), id + ": removed", POSTFIX_SENT);
        }
    }

    static List<Scenario.Routine> routines(List<String> hosts, String mailHost) {
        return List.of(
                new Scenario.Routine(CRON, CandidateMatcher.onHosts(hosts, "CRON", "cron", "run-parts", "debian-sa", "CMD (")),
                new Scenario.Routine(SSH_DEPLOY, CandidateMatcher.onHosts(hosts, "deploy", "disconnect")),
                new Scenario.Routine(SYSTEMD, CandidateMatcher.onHosts(hosts, "session", "systemd", "Cleanup",
                        "logrotate", "apt", "Rotate")),
                new Scenario.Routine(CHRONY, CandidateMatcher.onHosts(hosts, "source", "clock")),
                new Scenario.Routine(POSTFIX_SENT, CandidateMatcher.onHost(mailHost, "status=sent", "queue active",
                        "removed")));
    }
}
