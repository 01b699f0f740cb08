package io.brainstem.domain.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts a template into an {@link EventFamily} by a fixed, ordered rule table. The template and the
 * service are split into lower-case words (runs of letters and digits; {@code <*>} and punctuation are
 * dropped). A rule matches when one of its words is a word of the text, one of its prefixes starts a
 * word, or one of its phrases appears as consecutive words. The first matching rule wins; nothing
 * matching is {@code generic}. Whole words, so {@code report} is not a {@code port} and {@code groups}
 * is no {@code ups}.
 *
 * <table>
 *   <caption>Rules, in order</caption>
 *   <tr><th>family</th><th>words</th><th>prefixes</th><th>phrases</th></tr>
 *   <tr><td>vpn</td><td>vpn ipsec ike ikev1 ikev2 isakmp tunnel tunnels charon strongswan openvpn
 *       wireguard l2tp pptp esp</td><td>ipsec vpn</td><td>security association</td></tr>
 *   <tr><td>auth</td><td>auth authentication authenticated authorization login logon logout logoff
 *       password passwd sshd sudo su kerberos radius tacacs credential credentials</td><td>pam auth</td>
 *       <td>invalid user, session opened, session closed</td></tr>
 *   <tr><td>security</td><td>deny denied blocked firewall attack intrusion malware virus spoof spoofed
 *       flood exploit violation acl selinux apparmor</td><td></td><td>port scan</td></tr>
 *   <tr><td>link</td><td>link interface carrier lineproto updown port bgp ospf neighbor neighbour
 *       adjacency ethernet lacp stp vlan duplex</td><td>linkerror</td><td></td></tr>
 *   <tr><td>disk</td><td>disk disks filesystem raid smart mount volume lvm nvme sata scsi quota inode
 *       ext4 xfs zfs</td><td></td><td>i o error, no space</td></tr>
 *   <tr><td>power</td><td>power psu ups battery voltage volt mains outage pgood</td><td></td>
 *       <td></td></tr>
 *   <tr><td>hardware</td><td>fan fans temperature thermal cpu memory ecc dimm sensor overheat hardware
 *       chassis parity motherboard bios</td><td></td><td>machine check</td></tr>
 *   <tr><td>config</td><td>config configuration configured commit reconfigured</td><td></td>
 *       <td>running config, startup config</td></tr>
 *   <tr><td>service</td><td>service daemon systemd started stopped restart restarted starting stopping
 *       crashed exited watchdog</td><td></td><td>core dump</td></tr>
 * </table>
 */
public final class EventFamilyClassifier {

    /** One row of the table: the family and what makes a text belong to it. */
    record Rule(EventFamily family, Set<String> words, List<String> prefixes, List<List<String>> phrases) {

        Rule {
            words = Set.copyOf(words);
            prefixes = List.copyOf(prefixes);
            phrases = phrases.stream().map(List::copyOf).toList();
        }

        static Rule of(EventFamily family, String words, String prefixes, String... phrases) {
            return new Rule(family, Set.of(split(words)), List.of(split(prefixes)),
                    java.util.Arrays.stream(phrases).map(p -> List.of(split(p))).toList());
        }

        private static String[] split(String spaced) {
            return spaced.isBlank() ? new String[0] : spaced.strip().split("\\s+");
        }

        boolean matches(List<String> textWords) {
            for (int i = 0; i < textWords.size(); i++) {
                String word = textWords.get(i);
                if (words.contains(word)) {
                    return true;
                }
                for (String prefix : prefixes) {
                    if (word.startsWith(prefix)) {
                        return true;
                    }
                }
                for (List<String> phrase : phrases) {
                    if (startsAt(textWords, i, phrase)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean startsAt(List<String> text, int at, List<String> phrase) {
            if (at + phrase.size() > text.size()) {
                return false;
            }
            for (int k = 0; k < phrase.size(); k++) {
                if (!text.get(at + k).equals(phrase.get(k))) {
                    return false;
                }
            }
            return true;
        }
    }

    static final List<Rule> RULES = List.of(
            Rule.of(EventFamily.VPN, "vpn ipsec ike ikev1 ikev2 isakmp tunnel tunnels charon strongswan openvpn "
                    + "wireguard l2tp pptp esp", "ipsec vpn", "security association"),
            Rule.of(EventFamily.AUTH, "auth authentication authenticated authorization login logon logout logoff "
                    + "password passwd sshd sudo su kerberos radius tacacs credential credentials", "pam auth",
                    "invalid user", "session opened", "session closed"),
            Rule.of(EventFamily.SECURITY, "deny denied blocked firewall attack intrusion malware virus spoof "
                    + "spoofed flood exploit violation acl selinux apparmor", "", "port scan"),
            Rule.of(EventFamily.LINK, "link interface carrier lineproto updown port bgp ospf neighbor neighbour "
                    + "adjacency ethernet lacp stp vlan duplex", "linkerror"),
            Rule.of(EventFamily.DISK, "disk disks filesystem raid smart mount volume lvm nvme sata scsi quota "
                    + "inode ext4 xfs zfs", "", "i o error", "no space"),
            Rule.of(EventFamily.POWER, "power psu ups battery voltage volt mains outage pgood", ""),
            Rule.of(EventFamily.HARDWARE, "fan fans temperature thermal cpu memory ecc dimm sensor overheat "
                    + "hardware chassis parity motherboard bios", "", "machine check"),
            Rule.of(EventFamily.CONFIG, "config configuration configured commit reconfigured", "",
                    "running config", "startup config"),
            Rule.of(EventFamily.SERVICE, "service daemon systemd started stopped restart restarted starting "
                    + "stopping crashed exited watchdog", "", "core dump"));

    private EventFamilyClassifier() {
    }

    /** The family of a signature with this template, reported by this service (both may be null). */
    public static EventFamily classify(String template, String service) {
        List<String> words = words((template == null ? "" : template) + " " + (service == null ? "" : service));
        for (Rule rule : RULES) {
            if (rule.matches(words)) {
                return rule.family();
            }
        }
        return EventFamily.GENERIC;
    }

    private static List<String> words(String text) {
        String lower = text.replace("<*>", " ").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            while (i < lower.length() && !Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(lower.substring(start, i));
            }
        }
        return words;
    }
}
