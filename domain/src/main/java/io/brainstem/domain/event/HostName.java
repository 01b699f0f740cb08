package io.brainstem.domain.event;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One spelling per host: {@code fw-01}, {@code FW-01} and {@code ｆｗ-01} (full-width letters) are the same device, so
 * grouping, subjects, filters and counts must see one name. A host name is compared and stored in Unicode NFKC
 * (compatibility forms folded: full-width, ligatures, superscripts) and lower case (DNS names and IPv6 hex digits are
 * case-insensitive), and without a trailing dot (a fully qualified {@code fw-01.example.net.}). The raw envelope
 * keeps the name as it was sent.
 */
public final class HostName {

    private HostName() {
    }

    /** The host's one spelling; {@code null} stays {@code null}. */
    public static String normalize(String host) {
        if (host == null || isPlain(host)) {
            return host;
        }
        String folded = Normalizer.normalize(host, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.length() > 1 && folded.endsWith(".") ? folded.substring(0, folded.length() - 1) : folded;
    }

    /** Already its own spelling: ASCII without upper case letters and no trailing dot (the common case, no copy). */
    private static boolean isPlain(String host) {
        int n = host.length();
        for (int i = 0; i < n; i++) {
            char c = host.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return n <= 1 || host.charAt(n - 1) != '.';
    }
}
