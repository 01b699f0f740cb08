package io.brainstem.domain.candidate.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a state message is about, read from where its template has a variable: {@code IPsec SA with peer <*>
 * dropped} and the message {@code IPsec SA with peer 203.0.113.10 dropped} are about {@code 203.0.113.10}. The
 * values that name a thing (addresses, interfaces, devices, paths) are its <em>entities</em>; counts, durations,
 * times, ports and long hexadecimal ids are not, since they change from one message about the same thing to the
 * next.
 *
 * <p>A failure and a recovery pair when they are on the same host and service and their entities agree, whatever
 * words they use ({@code dropped (DPD timeout)} then {@code established}; {@code Down BGP Notification sent} then
 * {@code Up}). Entities are read from the message itself, so a name the miner still keeps literal
 * ({@code eth0} before it has seen {@code eth1}) names the thing as well.
 */
final class Subjects {

    /** At most this many entities name a subject; more are not compared. */
    static final int MAX_ENTITIES = 4;
    private static final String WILDCARD = "<*>";

    private Subjects() {
    }

    /**
     * The entities of a message (its {@link #tokens}), sorted, without duplicates: its tokens that hold a digit or
     * a separator ({@code / . @ :}) and are not numbers, durations, times, dates or long hexadecimal ids; at most
     * {@value #MAX_ENTITIES}, the first ones of the message.
     */
    static List<String> entities(String[] messageTokens) {
        TreeSet<String> found = new TreeSet<>();
        for (String token : messageTokens) {
            if (found.size() >= MAX_ENTITIES) {
                break;
            }
            String value = withoutPort(peel(token));
            if (hasDigitOrSeparator(value) && isEntity(value)) {
                found.add(value);
            }
        }
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /**
     * {@code template} with each variable that holds an entity in {@code message} replaced by it, so that a title
     * names the thing: {@code Interface <*>, changed state to down} becomes
     * {@code Interface GigabitEthernet0/12, changed state to down}. Other variables stay {@code <*>}; with token
     * counts that differ the template is returned as it is.
     */
    static String instantiate(String template, String[] m) {
        if (!template.contains(WILDCARD)) {
            return template;
        }
        String[] t = tokens(template);
        if (t.length != m.length) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 16);
        for (int i = 0; i < t.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(t[i].contains(WILDCARD) && isEntity(peel(m[i])) ? m[i] : t[i]);
        }
        return out.toString();
    }

    /** A value that names a thing: not empty, not a number, duration, time, port or long hexadecimal id. */
    static boolean isEntity(String value) {
        if (value.isEmpty() || value.contains(WILDCARD)) {
            return false;
        }
        int eq = value.indexOf('=');
        String v = eq >= 0 ? value.substring(eq + 1) : value;
        return !v.isEmpty() && v.chars().anyMatch(Character::isLetterOrDigit) && !StateWords.isNumber(v, 0, v.length()) && !isHexId(v) && !allDigitsAndPunctuation(v)
                && !holdsACounter(v);
    }

    /**
     * Whether a part of {@code v} (between {@code / : , |}) is a counter: six digits or more, with at most two
     * letters of a unit after them ({@code 732086400s/0x0002/FATAL}, an uptime and codes). Such a value changes
     * with every message about the same thing, so it names nothing.
     */
    private static boolean holdsACounter(String v) {
        int start = 0;
        for (int i = 0; i <= v.length(); i++) {
            if (i == v.length() || "/:,|".indexOf(v.charAt(i)) >= 0) {
                int digits = 0;
                int j = start;
                while (j < i && v.charAt(j) >= '0' && v.charAt(j) <= '9') {
                    digits++;
                    j++;
                }
                int letters = 0;
                while (j < i && v.charAt(j) >= 'a' && v.charAt(j) <= 'z') {
                    letters++;
                    j++;
                }
                if (digits >= 6 && letters <= 2 && j == i) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean isHexId(String v) {
        if (v.length() < 6) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = Character.toLowerCase(v.charAt(i));
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c >= 'a' && c <= 'f') && c != '-' && c != 'x') {
                return false;
            }
        }
        return digit;
    }

    /** Dates, times, versions and counters such as {@code 2024-01-02}, {@code 12:00:01.5} or {@code 3/10}, not IPv4. */
    private static boolean allDigitsAndPunctuation(String v) {
        boolean digit = false;
        int dots = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (Character.isLetter(c)) {
                return false;
            } else if (c == '.') {
                dots++;
            }
        }
        return digit && dots != 3;
    }

    /** {@code 203.0.113.10:4500} names the address; the port changes with every connection. */
    private static String withoutPort(String v) {
        int colon = v.lastIndexOf(':');
        if (colon > 0 && colon < v.length() - 1 && v.indexOf(':') == colon && v.indexOf('.') > 0) {
            for (int i = colon + 1; i < v.length(); i++) {
                if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                    return v;
                }
            }
            return v.substring(0, colon);
        }
        return v;
    }

    private static boolean hasDigitOrSeparator(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '0' && c <= '9') || c == '/' || c == '.' || c == '@' || c == ':') {
                return true;
            }
        }
        return false;
    }

    /** Brackets, quotes and trailing punctuation peeled off. */
    static String peel(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && "([{<\"'`".indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && ")]}>\"'`,;:.!?".indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return token.substring(from, to);
    }

    /** The whitespace-separated tokens of {@code text}; split once per message for both readings above. */
    static String[] tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && text.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < n && text.charAt(i) > ' ') {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out.toArray(String[]::new);
    }
}
