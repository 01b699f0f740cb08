package io.brainstem.domain.signature;

import java.util.Locale;

/**
 * Puts a template into an {@link EventFamily} by a fixed, ordered rule table: the first rule whose
 * keyword appears in the template or service wins; nothing matching is {@code generic}.
 */
public final class EventFamilyClassifier {

    private static final Object[][] RULES = {
            {EventFamily.VPN, new String[] {"vpn", "ipsec", "ike", "tunnel", "charon", "openvpn", "wireguard"}},
            {EventFamily.AUTH, new String[] {"auth", "login", "logon", "password", "sshd", "invalid user", "pam_"}},
            {EventFamily.LINK, new String[] {"link", "interface", "carrier", "port ", "lineproto", "bgp", "ospf"}},
            {EventFamily.DISK, new String[] {"disk", "filesystem", "raid", "smart", "i/o error", "no space"}},
            {EventFamily.POWER, new String[] {"power", "psu", "ups", "battery", "voltage"}},
            {EventFamily.HARDWARE, new String[] {"fan", "temperature", "thermal", "cpu", "memory", "ecc"}},
            {EventFamily.CONFIG, new String[] {"config", "configuration", "commit"}},
            {EventFamily.SECURITY, new String[] {"deny", "denied", "blocked", "firewall", "attack", "intrusion"}},
            {EventFamily.SERVICE, new String[] {"service", "daemon", "systemd", "started", "stopped", "restart"}},
    };

    private EventFamilyClassifier() {
    }

    public static EventFamily classify(String template, String service) {
        String text = ((template == null ? "" : template) + " " + (service == null ? "" : service))
                .toLowerCase(Locale.ROOT);
        for (Object[] rule : RULES) {
            for (String keyword : (String[]) rule[1]) {
                if (text.contains(keyword)) {
                    return (EventFamily) rule[0];
                }
            }
        }
        return EventFamily.GENERIC;
    }
}
