package io.brainstem.bench.syslog;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic, varied syslog lines for load: firewall, VPN, sshd, link, routing and host lines from 60
 * devices, with numbers, addresses, ports and interfaces that change from line to line, so the miner
 * settles on a realistic number of templates (one to a few per shape below) rather than one per line.
 * About one line in five is RFC 5424, the rest RFC 3164. Deterministic for a given seed.
 */
final class SyslogLines {

    /** {@code %s} placeholders, filled by {@link #fill}: i=IPv4, p=port, n=number, f=interface, u=user, h=hex. */
    private static final List<String> SHAPES = List.of(
            // firewall (ASA / generic)
            "%ASA-6-302013: Built outbound TCP connection {n} for outside:{i}/{p} ({i}/{p}) to inside:{i}/{p} ({i}/{p})",
            "%ASA-6-302014: Teardown TCP connection {n} for outside:{i}/{p} to inside:{i}/{p} duration 0:00:{n} bytes {n} TCP FINs",
            "%ASA-6-302015: Built inbound UDP connection {n} for outside:{i}/{p} ({i}/{p}) to dmz:{i}/{p} ({i}/{p})",
            "%ASA-6-302016: Teardown UDP connection {n} for outside:{i}/{p} to dmz:{i}/{p} duration 0:02:{n} bytes {n}",
            "%ASA-4-106023: Deny tcp src outside:{i}/{p} dst inside:{i}/{p} by access-group \"outside_in\" [0x{h}, 0x0]",
            "%ASA-4-106023: Deny udp src outside:{i}/{p} dst dmz:{i}/{p} by access-group \"dmz_in\" [0x{h}, 0x0]",
            "%ASA-2-106001: Inbound TCP connection denied from {i}/{p} to {i}/{p} flags SYN on interface outside",
            "%ASA-3-710003: TCP access denied by ACL from {i}/{p} to outside:{i}/22",
            "%ASA-4-419002: Received duplicate TCP SYN from inside:{i}/{p} to outside:{i}/{p} with different initial sequence number",
            "%ASA-6-305011: Built dynamic TCP translation from inside:{i}/{p} to outside:{i}/{p}",
            "%ASA-6-305012: Teardown dynamic UDP translation from inside:{i}/{p} to outside:{i}/{p} duration 0:00:{n}",
            "%ASA-5-111008: User '{u}' executed the 'write memory' command.",
            "%ASA-1-105005: (Primary) Lost Failover communications with mate on interface inside",
            "%ASA-6-725001: Starting SSL handshake with client outside:{i}/{p} for TLSv1.2 session",
            "%ASA-6-725007: SSL session with client outside:{i}/{p} terminated",
            "filterlog: {n},,,{n},igb0,match,block,in,4,0x0,,64,{n},0,DF,6,tcp,60,{i},{i},{p},443,0,S,{n},,64240,,mss",
            "kernel: [UFW BLOCK] IN=eth0 OUT= SRC={i} DST={i} LEN={n} TTL=54 PROTO=TCP SPT={p} DPT=23 WINDOW=1024 SYN",
            // VPN
            "charon: 09[IKE] IKE_SA vpn-{n}[{n}] established between {i}[gw]...{i}[peer]",
            "charon: 12[IKE] deleting IKE_SA vpn-{n}[{n}] between {i}[gw]...{i}[peer]",
            "charon: 05[IKE] sending DPD request",
            "charon: 14[NET] received packet: from {i}[500] to {i}[500] ({n} bytes)",
            "charon: 07[IKE] retransmit {n} of request with message ID {n}",
            "%ASA-4-113019: Group = VPN-USERS, Username = {u}, IP = {i}, Session disconnected. Session Type: SSL, Duration: 0h:{n}m:12s, Bytes xmt: {n}, Bytes rcv: {n}, Reason: Idle Timeout",
            "%ASA-6-722051: Group <VPN-USERS> User <{u}> IP <{i}> IPv4 Address <{i}> assigned to session",
            "%ASA-5-713041: IP = {i}, IKE Initiator: New Phase 1, Intf inside, IKE Peer {i}",
            "%ASA-3-713902: Group = {i}, IP = {i}, Removing peer from peer table failed, no match!",
            "openvpn[{n}]: {u}/{i}:{p} MULTI_sva: pool returned IPv4={i}, IPv6=(Not enabled)",
            "openvpn[{n}]: {u}/{i}:{p} SIGUSR1[soft,ping-restart] received, client-instance restarting",
            // sshd / auth
            "sshd[{n}]: Failed password for root from {i} port {p} ssh2",
            "sshd[{n}]: Failed password for invalid user {u} from {i} port {p} ssh2",
            "sshd[{n}]: Accepted publickey for {u} from {i} port {p} ssh2: RSA SHA256:{h}",
            "sshd[{n}]: Invalid user {u} from {i} port {p}",
            "sshd[{n}]: Connection closed by authenticating user root {i} port {p} [preauth]",
            "sshd[{n}]: Disconnected from user {u} {i} port {p}",
            "sshd[{n}]: pam_unix(sshd:session): session opened for user {u}(uid={n}) by (uid=0)",
            "sshd[{n}]: Received disconnect from {i} port {p}:11: Bye Bye [preauth]",
            "sudo[{n}]: {u} : TTY=pts/{n} ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx",
            "su[{n}]: FAILED SU (to root) {u} on pts/{n}",
            // link / L2
            "%LINK-3-UPDOWN: Interface {f}, changed state to down",
            "%LINK-3-UPDOWN: Interface {f}, changed state to up",
            "%LINEPROTO-5-UPDOWN: Line protocol on Interface {f}, changed state to down",
            "%LINEPROTO-5-UPDOWN: Line protocol on Interface {f}, changed state to up",
            "%SW_MATM-4-MACFLAP_NOTIF: Host {h} in vlan {n} is flapping between port {f} and port {f}",
            "%SPANTREE-2-BLOCK_BPDUGUARD: Received BPDU on port {f} with BPDU Guard enabled. Disabling port.",
            "%PM-4-ERR_DISABLE: bpduguard error detected on {f}, putting {f} in err-disable state",
            "%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on {f} ({n}), with sw-{n} {f} ({n}).",
            "%ILPOWER-5-POWER_GRANTED: Interface {f}: Power granted",
            "%DOT1X-5-FAIL: Authentication failed for client ({h}) on Interface {f} AuditSessionID {h}",
            "%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface {f} is down (Link failure)",
            "kernel: [{n}.{n}] e1000e: eth{n} NIC Link is Down",
            "kernel: [{n}.{n}] e1000e: eth{n} NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
            // routing
            "%BGP-5-ADJCHANGE: neighbor {i} Down BGP Notification sent",
            "%BGP-5-ADJCHANGE: neighbor {i} Up",
            "%BGP-3-NOTIFICATION: sent to neighbor {i} 4/0 (hold time expired) 0 bytes",
            "%OSPF-5-ADJCHG: Process 1, Nbr {i} on {f} from FULL to DOWN, Neighbor Down: Dead timer expired",
            "%OSPF-5-ADJCHG: Process 1, Nbr {i} on {f} from LOADING to FULL, Loading Done",
            "%TRACK-6-STATE: {n} ip sla {n} reachability Up -> Down",
            "%HSRP-5-STATECHANGE: Vlan{n} Grp {n} state Standby -> Active",
            // hosts and services
            "dhcpd[{n}]: DHCPACK on {i} to {h} via eth{n}",
            "dhcpd[{n}]: DHCPDISCOVER from {h} via eth{n}: network 10.{n}.0.0/16: no free leases",
            "ntpd[{n}]: kernel reports TIME_ERROR: 0x{h}: Clock Unsynchronized",
            "chronyd[{n}]: Selected source {i}",
            "CRON[{n}]: ({u}) CMD (/usr/local/bin/backup.sh --incremental)",
            "systemd[1]: nginx.service: Main process exited, code=killed, status=9/KILL",
            "systemd[1]: Started Session {n} of user {u}.",
            "kernel: [{n}.{n}] Out of memory: Killed process {n} (java) total-vm:{n}kB, anon-rss:{n}kB",
            "kernel: [{n}.{n}] EXT4-fs error (device sda{n}): ext4_find_entry:1455: inode #{n}: comm nginx: reading directory lblock 0",
            "smartd[{n}]: Device: /dev/sd{h}, {n} Currently unreadable (pending) sectors",
            "nginx[{n}]: {i} - - \"GET /api/v1/items/{n} HTTP/1.1\" 502 {n} \"-\" \"curl/8.5.0\"",
            "haproxy[{n}]: Server backend/app{n} is DOWN, reason: Layer4 timeout, check duration: {n}ms. {n} active and 0 backup servers left.",
            "postfix/smtpd[{n}]: NOQUEUE: reject: RCPT from unknown[{i}]: 554 5.7.1 Relay access denied",
            "snmpd[{n}]: Connection from UDP: [{i}]:{p}->[{i}]:161",
            "named[{n}]: client @0x{h} {i}#{p} (example.com): query (cache) 'example.com/A/IN' denied");

    /** Few users: the miner keeps user names as constants, and each one is a template of its own. */
    private static final String[] USERS = {"admin", "deploy", "jdoe"};
    private static final String[] SERVICES_HOSTS = {"fw", "vpn", "sw", "rtr", "srv", "lb"};
    private static final DateTimeFormatter BSD = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

    private SyslogLines() {
    }

    static int shapes() {
        return SHAPES.size();
    }

    /** {@code count} distinct encoded lines. */
    static byte[][] generate(int count, long seed) {
        Random random = new Random(seed);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[][] lines = new byte[count][];
        for (int i = 0; i < count; i++) {
            String shape = SHAPES.get(random.nextInt(SHAPES.size()));
            String host = SERVICES_HOSTS[random.nextInt(SERVICES_HOSTS.length)] + "-" + (1 + random.nextInt(10));
            int pri = 8 * (16 + random.nextInt(8)) + 2 + random.nextInt(5);
            String message = fill(shape, random);
            ZonedDateTime at = now.plusSeconds(i / 1000);
            String line;
            if (random.nextInt(5) == 0) {
                line = "<" + pri + ">1 " + at.toOffsetDateTime() + " " + host + " " + appName(message) + " - - - "
                        + stripTag(message);
            } else {
                line = "<" + pri + ">" + BSD.format(at) + " " + host + " " + message;
            }
            lines[i] = line.getBytes(StandardCharsets.UTF_8);
        }
        return lines;
    }

    private static String fill(String shape, Random r) {
        StringBuilder sb = new StringBuilder(shape.length() + 64);
        int i = 0;
        while (i < shape.length()) {
            char c = shape.charAt(i);
            if (c == '{' && i + 2 < shape.length() && shape.charAt(i + 2) == '}') {
                switch (shape.charAt(i + 1)) {
                    case 'i' -> sb.append(10 + r.nextInt(190)).append('.').append(r.nextInt(256)).append('.')
                            .append(r.nextInt(256)).append('.').append(1 + r.nextInt(254));
                    case 'p' -> sb.append(1024 + r.nextInt(64_000));
                    case 'n' -> sb.append(r.nextInt(r.nextBoolean() ? 100 : 1_000_000));
                    case 'f' -> sb.append(r.nextBoolean() ? "GigabitEthernet" : "TenGigabitEthernet")
                            .append(1 + r.nextInt(2)).append("/0/").append(1 + r.nextInt(48));
                    case 'u' -> sb.append(USERS[r.nextInt(USERS.length)]);
                    case 'h' -> sb.append(Long.toHexString(r.nextLong() >>> 16));
                    default -> sb.append(shape, i, i + 3);
                }
                i += 3;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String appName(String message) {
        int end = 0;
        while (end < message.length() && end < 48 && (Character.isLetterOrDigit(message.charAt(end))
                || message.charAt(end) == '-' || message.charAt(end) == '_' || message.charAt(end) == '/')) {
            end++;
        }
        return end == 0 ? "-" : message.substring(0, end).replace('/', '_');
    }

    private static String stripTag(String message) {
        int colon = message.indexOf(": ");
        return colon > 0 && colon < 48 ? message.substring(colon + 2) : message;
    }
}
