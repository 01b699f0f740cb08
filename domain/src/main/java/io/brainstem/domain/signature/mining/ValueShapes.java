package io.brainstem.domain.signature.mining;

/**
 * Recognizers for the shapes of variable values in a log token: IPv4/IPv6 addresses (with ports), MAC
 * addresses, UUIDs, e-mail addresses, file paths, host names, numbers with units and long hex strings.
 * Each works on a slice {@code [from, to)} of a string in one pass and allocates nothing, so the
 * masker can call them on the hot path. They are shape tests, not validators: {@code 999.1.1.1} is an
 * IPv4 shape.
 */
final class ValueShapes {

    /**
     * Top-level domains that make a dotted name a host name even with only two labels (with the names
     * reserved for testing and documentation, RFC 2606 and RFC 6761).
     */
    private static final String[] GENERIC_TLDS = {
            "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "arpa", "local", "lan",
            "internal", "localdomain", "home", "intra", "corp", "test", "example", "invalid", "localhost"};

    private ValueShapes() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isLetter(char c) {
        return isAsciiLetter(c) || (c > 127 && Character.isLetter(c));
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** {@code 203.0.113.10}, optionally followed by {@code :port} or {@code /prefix}. */
    static boolean isIpv4(String s, int from, int to) {
        int i = from;
        for (int group = 0; group < 4; group++) {
            int digits = 0;
            while (i < to && isDigit(s.charAt(i)) && digits < 4) {
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3) {
                return false;
            }
            if (group < 3) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        if (i == to) {
            return true;
        }
        char sep = s.charAt(i);
        if (sep != ':' && sep != '/') {
            return false;
        }
        return i + 1 < to && allDigits(s, i + 1, to);
    }

    /** {@code fe80::1}, {@code 2001:db8::8a2e:370:7334}; at least two colons and only hex digits between. */
    static boolean isIpv6(String s, int from, int to) {
        int colons = 0;
        int hexRun = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
                hexRun = 0;
            } else if (isHex(c)) {
                if (++hexRun > 4) {
                    return false;
                }
            } else if (c != '.') {
                return false;
            }
        }
        return colons >= 2 && colons <= 8;
    }

    /** {@code 00:1a:2b:3c:4d:5e}, {@code 00-1A-2B-3C-4D-5E} or Cisco's {@code 001a.2b3c.4d5e}. */
    static boolean isMac(String s, int from, int to) {
        int len = to - from;
        if (len == 17) {
            char sep = s.charAt(from + 2);
            if (sep != ':' && sep != '-') {
                return false;
            }
            for (int i = 0; i < len; i++) {
                char c = s.charAt(from + i);
                if (i % 3 == 2 ? c != sep : !isHex(c)) {
                    return false;
                }
            }
            return true;
        }
        if (len == 14) {
            for (int i = 0; i < len; i++) {
                char c = s.charAt(from + i);
                if (i % 5 == 4 ? c != '.' : !isHex(c)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code 123e4567-e89b-12d3-a456-426614174000}. */
    static boolean isUuid(String s, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code user@example.com}: one {@code @}, a local part, a dotted domain; or a local host name that is a
     * top-level domain of {@link #isHostname} ({@code operator@lan}, {@code root@localhost}).
     */
    static boolean isEmail(String s, int from, int to) {
        int at = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (!(isAsciiLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || c == '+')) {
                return false;
            }
        }
        if (at <= from || at >= to - 2) {
            return false;
        }
        for (int i = at + 2; i < to - 1; i++) {
            if (s.charAt(i) == '.') {
                return true;
            }
        }
        return isTld(s, at + 1, to) && hasLetter(s, from, at);
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isAsciiLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code /var/log/x}, {@code ./run}, {@code ../x}, {@code ~/x}, {@code C:\dir} or {@code dir\file}. */
    static boolean isPath(String s, int from, int to) {
        int len = to - from;
        if (len < 2) {
            return false;
        }
        char c0 = s.charAt(from);
        char c1 = s.charAt(from + 1);
        if (c0 == '/') {
            return isAsciiLetter(c1) || isDigit(c1) || c1 == '/' || c1 == '_' || c1 == '.' || c1 == '*' || c1 == '-'
                    || c1 == '~';
        }
        if ((c0 == '.' || c0 == '~') && (c1 == '/' || (c1 == '.' && len > 2 && s.charAt(from + 2) == '/'))) {
            return true;
        }
        if (len > 3 && isAsciiLetter(c0) && c1 == ':' && s.charAt(from + 2) == '\\') {
            return true;
        }
        for (int i = from + 1; i < to - 1; i++) {
            if (s.charAt(i) == '\\' && s.charAt(i + 1) != '0') {
                return true;
            }
        }
        return false;
    }

    /**
     * A dotted DNS name: letters, digits and hyphens in two or more labels ending in a generic top-level
     * domain ({@code zummit.com}), or three or more ending in a two-letter country code under a known
     * second level or with digits ({@code biblioteka.wsi.edu.pl}, {@code 62-1-2-9.dsl.easynet.nl};
     * not {@code mapred.task.id}). Reverse-DNS identifiers ({@code com.example.app},
     * {@code org.apache.Foo}) and file names ({@code README.md}) are not host names.
     */
    static boolean isHostname(String s, int from, int to) {
        int labels = 1;
        int labelStart = from;
        int lastLabelStart = from;
        int firstLabelEnd = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == labelStart) {
                    return false;
                }
                if (firstLabelEnd < 0) {
                    firstLabelEnd = i;
                }
                labels++;
                labelStart = i + 1;
                lastLabelStart = i + 1;
            } else if (!(isAsciiLetter(c) || isDigit(c) || c == '-')) {
                return false;
            }
        }
        if (labels < 2 || lastLabelStart >= to) {
            return false;
        }
        if (isTld(s, from, firstLabelEnd)) {
            return false;
        }
        if (isTld(s, lastLabelStart, to)) {
            return true;
        }
        if (labels < 3 || to - lastLabelStart != 2 || !isAsciiLetter(s.charAt(lastLabelStart))
                || !isAsciiLetter(s.charAt(lastLabelStart + 1))) {
            return false;
        }
        int secondLevelStart = lastLabelStart - 2;
        while (s.charAt(secondLevelStart) != '.') {
            secondLevelStart--;
        }
        return isSecondLevel(s, secondLevelStart + 1, lastLabelStart - 1) || hasDigit(s, from, to);
    }

    private static final String[] SECOND_LEVELS = {
            "com", "net", "org", "edu", "gov", "mil", "ac", "co", "or", "ne", "go", "gob", "nic"};

    private static boolean isSecondLevel(String s, int from, int to) {
        return oneOfIgnoringCase(s, from, to, SECOND_LEVELS);
    }

    static boolean oneOfIgnoringCase(String s, int from, int to, String[] words) {
        int len = to - from;
        for (String w : words) {
            if (w.length() == len && s.regionMatches(true, from, w, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTld(String s, int from, int to) {
        return oneOfIgnoringCase(s, from, to, GENERIC_TLDS);
    }

    /**
     * A number, optionally signed, with decimals or an exponent, and an optional short unit:
     * {@code 42}, {@code -1.5e3}, {@code 0.25s}, {@code 64KB}, {@code 100%}, {@code 0x1f}.
     */
    static boolean isNumber(String s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        if (to - i > 2 && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            for (int j = i + 2; j < to; j++) {
                if (!isHex(s.charAt(j))) {
                    return false;
                }
            }
            return true;
        }
        int digits = 0;
        while (i < to && (isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            if (isDigit(s.charAt(i))) {
                digits++;
            }
            i++;
        }
        if (digits == 0) {
            return false;
        }
        if (i < to - 1 && (s.charAt(i) == 'e' || s.charAt(i) == 'E')
                && (isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')) {
            int j = i + 1;
            if (s.charAt(j) == '-' || s.charAt(j) == '+') {
                j++;
            }
            if (j < to && allDigits(s, j, to)) {
                return true;
            }
        }
        int unit = to - i;
        if (unit == 0) {
            return true;
        }
        if (unit == 1 && s.charAt(i) == '%') {
            return true;
        }
        if (unit > 3) {
            return false;
        }
        for (int j = i; j < to; j++) {
            if (!isAsciiLetter(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /** A hex string of at least six characters with at least one digit: hashes, addresses, ids. */
    static boolean isHexString(String s, int from, int to) {
        if (to - from < 6) {
            return false;
        }
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isHex(c)) {
                return false;
            }
            digit |= isDigit(c);
        }
        return digit;
    }

    static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
