package io.brainstem.domain.event.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 5424 STRUCTURED-DATA ({@code [id param="value" ...][id2 ...]}) into flat keys
 * {@code sd.<SD-ID>.<PARAM-NAME>}, unescaping {@code \"}, {@code \\} and {@code \]} in values (any other
 * backslash is kept, as §6.3.3 says). Spaces between {@code =} and the opening quote are tolerated, as rsyslog
 * does ({@code eventSource= "Application"}). A parameter that repeats in one element becomes a list of its values;
 * an element without parameters is recorded as {@code sd.<SD-ID>} = {@code true}.
 */
final class StructuredDataReader {

    static final String KEY_PREFIX = "sd.";

    private StructuredDataReader() {
    }

    /**
     * Reads the elements at the cursor (which is at {@code '['}). On success, adds the fields to
     * {@code into}, moves the cursor past the last {@code ']'} and answers null; otherwise answers why,
     * leaving cursor and map untouched.
     */
    static String read(LineCursor c, Map<String, Object> into) {
        String text = c.text();
        int end = c.end();
        int i = c.pos();
        Map<String, Object> found = new LinkedHashMap<>();
        while (i < end && text.charAt(i) == '[') {
            int idStart = ++i;
            while (i < end && isNameChar(text.charAt(i))) {
                i++;
            }
            if (i == idStart) {
                return "a structured data element has no SD-ID";
            }
            String id = text.substring(idStart, i);
            boolean hasParams = false;
            while (true) {
                if (i >= end) {
                    return "structured data element [" + id + " is not closed by ']'";
                }
                char c0 = text.charAt(i);
                if (c0 == ']') {
                    i++;
                    break;
                }
                if (c0 != ' ') {
                    return "unexpected '" + c0 + "' in structured data element [" + id + "]";
                }
                while (i < end && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < end && text.charAt(i) == ']') {
                    continue;
                }
                int nameStart = i;
                while (i < end && isNameChar(text.charAt(i))) {
                    i++;
                }
                String name = text.substring(nameStart, i);
                boolean assigned = i > nameStart && i < end && text.charAt(i) == '=';
                if (assigned) {
                    i++;
                    while (i < end && text.charAt(i) == ' ') {
                        i++;
                    }
                }
                if (!assigned || i >= end || text.charAt(i) != '"') {
                    return "a parameter of structured data element [" + id + "] is not name=\"value\"";
                }
                i++;
                int valueStart = i;
                StringBuilder unescaped = null;
                while (i < end && text.charAt(i) != '"') {
                    char v = text.charAt(i);
                    char next = i + 1 < end ? text.charAt(i + 1) : LineCursor.NO_CHAR;
                    if (v == '\\' && (next == '"' || next == '\\' || next == ']')) {
                        if (unescaped == null) {
                            unescaped = new StringBuilder(i - valueStart + 16).append(text, valueStart, i);
                        }
                        unescaped.append(next);
                        i += 2;
                    } else {
                        if (unescaped != null) {
                            unescaped.append(v);
                        }
                        i++;
                    }
                }
                if (i >= end) {
                    return "the value of " + id + "." + name + " is not closed by '\"'";
                }
                String value = unescaped == null ? text.substring(valueStart, i) : unescaped.toString();
                i++;
                put(found, KEY_PREFIX + id + "." + name, value);
                hasParams = true;
            }
            if (!hasParams) {
                found.putIfAbsent(KEY_PREFIX + id, Boolean.TRUE);
            }
        }
        for (Map.Entry<String, Object> field : found.entrySet()) {
            Object value = field.getValue();
            into.put(field.getKey(), value instanceof List<?> values ? List.copyOf(values) : value);
        }
        c.reset(i);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> fields, String key, String value) {
        Object previous = fields.putIfAbsent(key, value);
        if (previous instanceof String first) {
            List<String> values = new ArrayList<>(2);
            values.add(first);
            values.add(value);
            fields.put(key, values);
        } else if (previous instanceof List<?> values) {
            ((List<String>) values).add(value);
        }
    }

    /** SD-NAME: printable US-ASCII except {@code = SP ] "}. */
    private static boolean isNameChar(char c) {
        return c > ' ' && c < 127 && c != '=' && c != ']' && c != '"';
    }
}
