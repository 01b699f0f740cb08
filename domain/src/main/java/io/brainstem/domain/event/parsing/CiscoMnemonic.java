package io.brainstem.domain.event.parsing;

import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;

/**
 * A Cisco-style message mnemonic {@code %FACILITY-SEVERITY-MNEMONIC}: {@code %ASA-4-106023} (ASA/PIX/FTD),
 * {@code %LINEPROTO-5-UPDOWN} (IOS), {@code %C4K_EBM-4-HOSTFLAPPING}. The facility may itself contain
 * dashes; the severity is the single digit before the last dash.
 */
public record CiscoMnemonic(String facility, Severity severity, String mnemonic) {

    public CiscoMnemonic {
        DomainViolation.requireText(facility, "mnemonic facility");
        DomainViolation.requirePresent(severity, "mnemonic severity");
        DomainViolation.requireText(mnemonic, "mnemonic");
    }

    /** The mnemonic in {@code tag} (with its leading {@code %}), or null when the tag is not one. */
    public static CiscoMnemonic parse(String tag) {
        if (tag == null || tag.length() < 6 || tag.charAt(0) != '%') {
            return null;
        }
        int lastDash = tag.lastIndexOf('-');
        int severityAt = lastDash - 1;
        if (lastDash < 4 || lastDash == tag.length() - 1 || tag.charAt(severityAt - 1) != '-') {
            return null;
        }
        char digit = tag.charAt(severityAt);
        if (digit < '0' || digit > '7' || !allWordChars(tag, 1, severityAt - 1)
                || !allWordChars(tag, lastDash + 1, tag.length())) {
            return null;
        }
        return new CiscoMnemonic(tag.substring(1, severityAt - 1), Severity.fromCode(digit - '0'),
                tag.substring(lastDash + 1));
    }

    private static boolean allWordChars(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
