package io.brainstem.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world syslog lines, each with the fields brainstem must read from it. All lines are received at
 * {@link #RECEIVED}; a year-less BSD timestamp therefore lands in 2024. A null timestamp column means
 * "the time of reception"; a null host/service column means "none".
 */
class RealWorldSyslogLinesTest {

    static final Instant RECEIVED = Instant.parse("2024-11-24T10:00:30Z");
    private static final String BOM = "\uFEFF";

    record Line(String device, String raw, String parser, String host, String service, String severity,
            String facility, String timestamp, String message, Map<String, Object> fields) {
        @Override
        public String toString() {
            return device;
        }
    }

    static Stream<Line> lines() {
        return Stream.of(
                new Line("Cisco ASA, no header", "<164>%ASA-4-106023: Deny tcp src outside:198.51.100.7/51514 "
                        + "dst inside:10.0.0.5/22 by access-group \"outside_in\" [0x0, 0x0]", "rfc3164",
                        null, "%ASA-4-106023", "warning", "local4", null,
                        "Deny tcp src outside:198.51.100.7/51514 dst inside:10.0.0.5/22 by access-group "
                                + "\"outside_in\" [0x0, 0x0]",
                        Map.of("cisco.facility", "ASA", "cisco.severity", 4, "cisco.mnemonic", "106023")),
                new Line("Cisco ASA, timestamp with year and device-id", "<164>Nov 24 2024 10:00:00 asa-fw01 : "
                        + "%ASA-4-106023: Deny udp src dmz:10.1.1.5/5353 dst outside:224.0.0.251/5353 by "
                        + "access-group \"dmz_in\" [0x0, 0x0]", "rfc3164",
                        "asa-fw01", "%ASA-4-106023", "warning", "local4", "2024-11-24T10:00:00Z",
                        "Deny udp src dmz:10.1.1.5/5353 dst outside:224.0.0.251/5353 by access-group "
                                + "\"dmz_in\" [0x0, 0x0]", Map.of()),
                new Line("Cisco ASA, timestamp with colon, no hostname", "<166>Nov 24 2024 09:59:59: "
                        + "%ASA-6-302013: Built inbound TCP connection 4711 for outside:203.0.113.9/51234 "
                        + "(203.0.113.9/51234) to inside:10.0.0.5/443 (198.51.100.1/443)", "rfc3164",
                        null, "%ASA-6-302013", "info", "local4", "2024-11-24T09:59:59Z",
                        "Built inbound TCP connection 4711 for outside:203.0.113.9/51234 (203.0.113.9/51234) to "
                                + "inside:10.0.0.5/443 (198.51.100.1/443)", Map.of()),
                new Line("Cisco ASA without PRI: severity from the mnemonic", "%ASA-3-710003: TCP access denied "
                        + "by ACL from 203.0.113.4/4545 to outside:198.51.100.1/443", "rfc3164",
                        null, "%ASA-3-710003", "err", "user", null,
                        "TCP access denied by ACL from 203.0.113.4/4545 to outside:198.51.100.1/443", Map.of()),
                new Line("Cisco IOS with sequence number and unsynced clock", "<189>123: *Nov 24 10:00:00.123: "
                        + "%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to "
                        + "down", "rfc3164",
                        null, "%LINEPROTO-5-UPDOWN", "notice", "local7", "2024-11-24T10:00:00.123Z",
                        "Line protocol on Interface GigabitEthernet0/1, changed state to down",
                        Map.of("cisco.sequence", "123", "cisco.mnemonic", "UPDOWN")),
                new Line("pfSense filterlog, no hostname", "<134>Nov 24 10:00:01 filterlog[1234]: "
                        + "5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.9,192.0.2.10,"
                        + "51234,22,0,S,123456789,,64240,,mss;sackOK;TS;nop;wscale", "rfc3164",
                        null, "filterlog", "info", "local0", "2024-11-24T10:00:01Z",
                        "5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.9,192.0.2.10,"
                                + "51234,22,0,S,123456789,,64240,,mss;sackOK;TS;nop;wscale",
                        Map.of("syslog.procid", "1234")),
                new Line("strongSwan charon", "<30>Mar 22 03:00:00 fw-01 charon[812]: 09[IKE] CHILD_SA "
                        + "tunnel-a{12} established with SPIs c1a2b3c4_i d4c3b2a1_o and TS 10.1.0.0/16 === "
                        + "10.2.0.0/16", "rfc3164",
                        "fw-01", "charon", "info", "daemon", "2024-03-22T03:00:00Z",
                        "09[IKE] CHILD_SA tunnel-a{12} established with SPIs c1a2b3c4_i d4c3b2a1_o and TS "
                                + "10.1.0.0/16 === 10.2.0.0/16", Map.of("syslog.procid", "812")),
                new Line("seed line: no PRI, user.notice by default", "Mar 22 03:00:00 fw-01 charon: VPN tunnel "
                        + "recovered", "rfc3164",
                        "fw-01", "charon", "notice", "user", "2024-03-22T03:00:00Z", "VPN tunnel recovered",
                        Map.of()),
                new Line("Juniper SRX RT_FLOW, BSD format", "<28>Nov 24 10:00:00 srx-1 RT_FLOW: "
                        + "RT_FLOW_SESSION_CREATE: session created 10.0.0.5/52311->198.51.100.20/443 0x0 "
                        + "junos-https 203.0.113.1/40111->198.51.100.20/443 0x0 source-nat-rule None 6 "
                        + "allow-web trust untrust 4711 N/A(N/A) ge-0/0/1.0", "rfc3164",
                        "srx-1", "RT_FLOW", "warning", "daemon", "2024-11-24T10:00:00Z",
                        "RT_FLOW_SESSION_CREATE: session created 10.0.0.5/52311->198.51.100.20/443 0x0 "
                                + "junos-https 203.0.113.1/40111->198.51.100.20/443 0x0 source-nat-rule None 6 "
                                + "allow-web trust untrust 4711 N/A(N/A) ge-0/0/1.0", Map.of()),
                new Line("Junos structured-data format (RFC 5424)", "<165>1 2007-02-15T09:17:15.719Z router1 mgd "
                        + "3046 UI_DBASE_LOGOUT_EVENT [junos@2636.1.1.1.2.18 username=\"regress\"] User 'regress' "
                        + "exiting configuration mode", "rfc5424",
                        "router1", "mgd", "notice", "local4", "2007-02-15T09:17:15.719Z",
                        "User 'regress' exiting configuration mode",
                        Map.of("syslog.procid", "3046", "syslog.msgid", "UI_DBASE_LOGOUT_EVENT",
                                "sd.junos@2636.1.1.1.2.18.username", "regress")),
                new Line("Junos RT_FLOW in RFC 5424 with offset", "<14>1 2024-11-24T11:00:00.123+01:00 srx-1 "
                        + "RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address=\"10.0.0.5\" "
                        + "source-port=\"52311\" destination-address=\"198.51.100.20\" destination-port=\"23\" "
                        + "service-name=\"junos-telnet\" policy-name=\"deny-telnet\"] session denied "
                        + "10.0.0.5/52311->198.51.100.20/23 junos-telnet 6(0) deny-telnet trust untrust", "rfc5424",
                        "srx-1", "RT_FLOW", "info", "user", "2024-11-24T10:00:00.123Z",
                        "session denied 10.0.0.5/52311->198.51.100.20/23 junos-telnet 6(0) deny-telnet trust "
                                + "untrust",
                        Map.of("sd.junos@2636.1.1.1.2.129.destination-port", "23",
                                "sd.junos@2636.1.1.1.2.129.policy-name", "deny-telnet",
                                "syslog.msgid", "RT_FLOW_SESSION_DENY")),
                new Line("Linux sshd", "<38>Nov 24 09:59:58 web-1 sshd[2345]: Failed password for invalid user "
                        + "admin from 203.0.113.9 port 52814 ssh2", "rfc3164",
                        "web-1", "sshd", "info", "auth", "2024-11-24T09:59:58Z",
                        "Failed password for invalid user admin from 203.0.113.9 port 52814 ssh2",
                        Map.of("syslog.procid", "2345")),
                new Line("Linux systemd", "<30>Nov 24 09:59:59 web-1 systemd[1]: Started Session 42 of user root.",
                        "rfc3164", "web-1", "systemd", "info", "daemon", "2024-11-24T09:59:59Z",
                        "Started Session 42 of user root.", Map.of("syslog.procid", "1")),
                new Line("Linux kernel", "<6>Nov 24 09:59:50 web-1 kernel: [12345.678] e1000e: eth0 NIC Link is "
                        + "Down", "rfc3164",
                        "web-1", "kernel", "info", "kern", "2024-11-24T09:59:50Z",
                        "[12345.678] e1000e: eth0 NIC Link is Down", Map.of()),
                new Line("space-padded day, odd spacing, trailing newline", "<3>Nov  4  09:59:50  web-1   "
                        + "kernel:   EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: "
                        + "reading directory lblock 0\r\n", "rfc3164",
                        "web-1", "kernel", "err", "kern", "2024-11-04T09:59:50Z",
                        "EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory "
                                + "lblock 0", Map.of()),
                new Line("rsyslog forwarding: RFC 3339 inside a 3164 frame", "<30>2024-11-24T10:00:00.123456+00:00 "
                        + "fw-01 charon[812]: 12[NET] sending packet: from 192.0.2.1[500] to 198.51.100.2[500]",
                        "rfc3164", "fw-01", "charon", "info", "daemon", "2024-11-24T10:00:00.123456Z",
                        "12[NET] sending packet: from 192.0.2.1[500] to 198.51.100.2[500]", Map.of()),
                new Line("Postfix tag with slash, December line received in November is last year's",
                        "<22>Dec 31 23:59:59 mx1 postfix/smtpd[4242]: connect from unknown[203.0.113.77]",
                        "rfc3164", "mx1", "postfix/smtpd", "info", "mail", "2023-12-31T23:59:59Z",
                        "connect from unknown[203.0.113.77]", Map.of()),
                new Line("no timestamp: no hostname either, tag still read", "<13>sshd[99]: Accepted publickey "
                        + "for deploy from 192.0.2.50 port 50022 ssh2", "rfc3164",
                        null, "sshd", "notice", "user", null,
                        "Accepted publickey for deploy from 192.0.2.50 port 50022 ssh2", Map.of()),
                new Line("no header at all", "<13>something odd happened", "rfc3164",
                        null, null, "notice", "user", null, "something odd happened", Map.of()),
                new Line("timestamp and hostname, tag ended by a space (rsyslog's rule)",
                        "<13>Nov 24 10:00:00 fw-01 VPN tunnel recovered",
                        "rfc3164", "fw-01", "VPN", "notice", "user", "2024-11-24T10:00:00Z", "tunnel recovered",
                        Map.of()),
                new Line("timestamp and hostname, payload starting with '{' has no tag",
                        "<13>Nov 24 10:00:00 fw-01 {\"event\":\"up\"}",
                        "rfc3164", "fw-01", null, "notice", "user", "2024-11-24T10:00:00Z", "{\"event\":\"up\"}",
                        Map.of()),
                new Line("header only: hostname, empty message", "<14>Aug 30 23:00:05 X4711",
                        "rfc3164", "X4711", null, "info", "user", "2024-08-30T23:00:05Z", "", Map.of()),
                new Line("header only with tag", "<13>Nov 24 10:00:00 host sshd[1]:",
                        "rfc3164", "host", "sshd", "notice", "user", "2024-11-24T10:00:00Z", "",
                        Map.of("syslog.procid", "1")),
                new Line("RFC 5424 with nothing after the header", "<34>1 - - - - - -",
                        "rfc5424", null, null, "crit", "auth", null, "", Map.of()),
                new Line("RFC 5424 example 1 (BOM before MSG)", "<34>1 2003-10-11T22:14:15.003Z "
                        + "mymachine.example.com su - ID47 - " + BOM + "'su root' failed for lonvick on /dev/pts/8",
                        "rfc5424", "mymachine.example.com", "su", "crit", "auth", "2003-10-11T22:14:15.003Z",
                        "'su root' failed for lonvick on /dev/pts/8", Map.of("syslog.msgid", "ID47")),
                new Line("RFC 5424 example 2 (microseconds, offset)", "<165>1 2003-08-24T05:14:15.000003-07:00 "
                        + "192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.", "rfc5424",
                        "192.0.2.1", "myproc", "notice", "local4", "2003-08-24T12:14:15.000003Z",
                        "%% It's time to make the do-nuts.", Map.of("syslog.procid", "8710")),
                new Line("RFC 5424 example 3 (structured data)", "<165>1 2003-10-11T22:14:15.003Z "
                        + "mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" "
                        + "eventSource=\"Application\" eventID=\"1011\"] " + BOM + "An application event log "
                        + "entry...", "rfc5424",
                        "mymachine.example.com", "evntslog", "notice", "local4", "2003-10-11T22:14:15.003Z",
                        "An application event log entry...",
                        Map.of("sd.exampleSDID@32473.iut", "3", "sd.exampleSDID@32473.eventSource", "Application",
                                "sd.exampleSDID@32473.eventID", "1011")),
                new Line("RFC 5424 example 4 (no MSG: empty message, structured data in the fields)", "<165>1 "
                        + "2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 "
                        + "iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 "
                        + "class=\"high\"]", "rfc5424",
                        "mymachine.example.com", "evntslog", "notice", "local4", "2003-10-11T22:14:15.003Z", "",
                        Map.of("sd.examplePriority@32473.class", "high", "sd.exampleSDID@32473.iut", "3",
                                "syslog.msgid", "ID47")),
                new Line("RFC 5424 all NIL, escapes in structured data", "<14>1 - - - - - [meta@1 "
                        + "path=\"C:\\\\temp\\\\x\" quote=\"say \\\"hi\\\"\" bracket=\"a\\]b\" other=\"a\\nb\"] "
                        + "hello", "rfc5424",
                        null, null, "info", "user", null, "hello",
                        Map.of("sd.meta@1.path", "C:\\temp\\x", "sd.meta@1.quote", "say \"hi\"",
                                "sd.meta@1.bracket", "a]b", "sd.meta@1.other", "a\\nb")),
                new Line("RFC 5424 with broken structured data: kept in the message", "<14>1 "
                        + "2024-11-24T10:00:00Z host app - - [broken no-quotes=1] still worth keeping", "rfc5424",
                        "host", "app", "info", "user", "2024-11-24T10:00:00Z",
                        "[broken no-quotes=1] still worth keeping", Map.of()),
                new Line("pfSense in RFC 5424", "<134>1 2024-11-24T10:00:01.123456+00:00 pfsense.home.arpa "
                        + "filterlog 64921 - - 4,,,1000000103,igb1,match,block,in,6,0x00,0x00000,255,ICMPv6,58",
                        "rfc5424", "pfsense.home.arpa", "filterlog", "info", "local0",
                        "2024-11-24T10:00:01.123456Z", "4,,,1000000103,igb1,match,block,in,6,0x00,0x00000,255,"
                                + "ICMPv6,58", Map.of("syslog.procid", "64921")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void readsTheFieldsOfARealWorldLine(Line line) {
        ParseOutcome outcome = new Canonicalizer().canonicalize(syslog(line.raw()), RECEIVED);

        ParseOutcome.Parsed parsed = assertInstanceOf(ParseOutcome.Parsed.class, outcome, () -> outcome.toString());
        ParsedEvent event = parsed.event();
        assertEquals(line.parser(), parsed.parser().name(), "parser");
        assertEquals("1.1.0", parsed.parser().version(), "parser version");
        assertEquals(HostName.normalize(line.host()), event.host(), "host (in its one spelling)");
        assertEquals(line.service(), event.service(), "service");
        assertEquals(line.severity(), event.severity().wireName(), "severity");
        assertEquals(line.facility(), event.facility(), "facility");
        assertEquals(line.timestamp() == null ? RECEIVED : Instant.parse(line.timestamp()), event.timestamp(),
                "timestamp");
        assertEquals(line.message(), event.message(), "message");
        line.fields().forEach((key, value) ->
                assertEquals(value, event.structuredFields().get(key), "structured field " + key));
        assertEquals(line.timestamp() == null ? "received_at" : "parsed", event.fieldSources().get("timestamp"));
    }

    record Bad(String description, String raw, String parser, String reasonContains) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Bad> malformedLines() {
        return Stream.of(
                new Bad("empty", "", "syslog", "empty"),
                new Bad("blank", "  \t \r\n", "syslog", "empty"),
                new Bad("PRI 192", "<192>Nov 24 10:00:00 host app: x", "syslog", "out of range"),
                new Bad("PRI 999", "<999>x", "syslog", "out of range"),
                new Bad("empty PRI", "<>Nov 24 10:00:00 host app: x", "syslog", "'<>' is empty"),
                new Bad("PRI not a number", "<abc>hello", "syslog", "not a number"),
                new Bad("PRI with letters", "<12a>hello", "syslog", "non-digits"),
                new Bad("PRI with 4 digits", "<0013>hello", "syslog", "more than 3 digits"),
                new Bad("PRI not closed", "<13", "syslog", "not closed"),
                new Bad("PRI only", "<13>", "rfc3164", "no header and no message"),
                new Bad("tag only, no timestamp", "<13>sshd[1]:", "rfc3164", "no header and no message"),
                new Bad("BSD date that does not exist", "<13>Feb 30 10:00:00 host app: x", "rfc3164",
                        "not a valid date"),
                new Bad("BSD hour 25", "<13>Nov 24 25:00:00 host app: x", "rfc3164", "not a valid date"),
                new Bad("RFC 5424 truncated after HOSTNAME", "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com",
                        "rfc5424", "APP-NAME is missing"),
                new Bad("RFC 5424 truncated before STRUCTURED-DATA", "<34>1 2003-10-11T22:14:15.003Z host su - ID47",
                        "rfc5424", "STRUCTURED-DATA is missing"),
                new Bad("RFC 5424 month 13", "<34>1 2003-13-11T22:14:15.003Z host su - - - x", "rfc5424",
                        "not a valid date"),
                new Bad("RFC 5424 timestamp not RFC 3339", "<34>1 2003-10-11 host su - - - x", "rfc5424",
                        "neither '-' nor an RFC 3339"),
                new Bad("binary junk", "\uFFFD\uFFFD\u0001\u0002ab\uFFFD", "syslog", "not text"),
                new Bad("NUL inside", "<13>abc\u0000def", "syslog", "NUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void rejectsAMalformedLineWithAReasonAPersonReads(Bad bad) {
        ParseOutcome outcome = new Canonicalizer().canonicalize(syslog(bad.raw()), RECEIVED);

        ParseOutcome.Failed failed = assertInstanceOf(ParseOutcome.Failed.class, outcome, () -> outcome.toString());
        assertEquals(bad.parser(), failed.parser().name(), "parser");
        assertTrue(failed.reason().contains(bad.reasonContains()), failed.reason());
    }

    static EnvelopeContent syslog(String raw) {
        return EnvelopeContent.builder(TenantId.DEFAULT).sourceType("syslog").messageRaw(raw).build();
    }
}
