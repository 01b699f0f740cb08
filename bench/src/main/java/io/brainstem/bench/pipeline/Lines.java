package io.brainstem.bench.pipeline;

import java.util.Random;

/** Varied, realistic syslog lines for the benchmarks (a few dozen templates, many variable values). */
public final class Lines {

    private Lines() {
    }

    public static String line(Random r) {
        int host = r.nextInt(40);
        return switch (r.nextInt(12)) {
            case 0 -> "<30>Mar 22 03:00:" + two(r.nextInt(60)) + " fw-" + host + " charon[812]: 09[IKE] IPsec SA rekey "
                    + "failed for peer 203.0.113." + r.nextInt(255) + "; retrying";
            case 1 -> "<30>Mar 22 03:00:" + two(r.nextInt(60)) + " fw-" + host + " charon: VPN tunnel "
                    + (r.nextBoolean() ? "dropped" : "recovered") + " for peer 198.51.100." + r.nextInt(255);
            case 2 -> "<134>Mar 22 03:01:02 sw-" + host + " kernel: e1000e: eth" + r.nextInt(4) + " NIC Link is "
                    + (r.nextBoolean() ? "Down" : "Up 1000 Mbps Full Duplex");
            case 3 -> "<38>Mar 22 03:01:" + two(r.nextInt(60)) + " srv-" + host + " sshd[" + (1000 + r.nextInt(9000))
                    + "]: Failed password for invalid user admin" + r.nextInt(50) + " from 192.0.2." + r.nextInt(255)
                    + " port " + (1024 + r.nextInt(60000)) + " ssh2";
            case 4 -> "<164>%ASA-4-106023: Deny tcp src outside:10.0." + r.nextInt(255) + "." + r.nextInt(255) + "/"
                    + (1024 + r.nextInt(60000)) + " dst inside:10.1.1." + r.nextInt(255) + "/443 by access-group "
                    + "\"outside_in\"";
            case 5 -> "<28>Mar 22 03:02:00 nas-" + host + " smartd[411]: Device: /dev/sd" + (char) ('a' + r.nextInt(6))
                    + ", " + r.nextInt(20) + " Currently unreadable (pending) sectors";
            case 6 -> "<30>Mar 22 03:02:11 srv-" + host + " systemd[1]: Started Session " + r.nextInt(100000)
                    + " of user root.";
            case 7 -> "<27>Mar 22 03:03:00 srv-" + host + " kernel: [" + r.nextInt(99999) + "." + r.nextInt(999999)
                    + "] EXT4-fs error (device sd" + (char) ('a' + r.nextInt(4)) + "1): ext4_find_entry:1455: inode #"
                    + r.nextInt(9999999) + ": comm nginx: reading directory lblock 0";
            case 8 -> "<29>Mar 22 03:03:30 ups-" + host + " upsd: UPS ups" + r.nextInt(3) + " on battery, load "
                    + r.nextInt(100) + "%";
            case 9 -> "<30>Mar 22 03:04:00 rtr-" + host + " bgpd: BGP neighbor 192.0.2." + r.nextInt(255)
                    + " state changed from Established to Idle";
            case 10 -> "<28>Mar 22 03:05:00 srv-" + host + " ntpd[" + r.nextInt(9999) + "]: time reset "
                    + (r.nextBoolean() ? "+" : "-") + "0." + r.nextInt(999999) + " s";
            default -> "<30>Mar 22 03:06:00 app-" + host + " backup: job " + r.nextInt(500) + " finished in "
                    + r.nextInt(3600) + "s, " + r.nextInt(9999) + " files";
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
