package io.brainstem.adapters.persistence.relational;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.application.port.out.StorageException;
import java.util.List;
import java.util.Map;

/** JSON text columns: maps and lists written and read with one shared Jackson mapper. */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private JsonColumns() {
    }

    public static String write(Object value) {
        if (value instanceof java.util.Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
            return "[]";
        }
        if (value instanceof java.util.Map<?, ?> || value instanceof java.util.Collection<?>) {
            String direct = directJson(value);
            if (direct != null) {
                return direct;
            }
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write JSON column", e);
        }
    }

    /**
     * A map or collection of strings, integers, booleans, nulls, and maps and collections of those — what parsers
     * and senders put in structured fields and metadata, once per event — written directly; null for anything
     * else (Jackson writes those). Same text as Jackson's.
     */
    public static String directJson(Object value) {
        StringBuilder sb = new StringBuilder(64);
        return direct(sb, value, 0) ? sb.toString() : null;
    }

    private static final int MAX_DEPTH = 8;

    private static boolean direct(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String text) {
            quote(sb, text);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof java.util.Map<?, ?> map && depth < MAX_DEPTH) {
            sb.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, key).append(':');
                if (!direct(sb, e.getValue(), depth + 1)) {
                    return false;
                }
            }
            sb.append('}');
        } else if (v instanceof java.util.Collection<?> items && depth < MAX_DEPTH) {
            sb.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                if (!direct(sb, item, depth + 1)) {
                    return false;
                }
            }
            sb.append(']');
        } else {
            return false;
        }
        return true;
    }

    private static StringBuilder quote(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    /**
     * One column's last value and its JSON: for columns that repeat the same small map event after event
     * (where each field came from), an equals check instead of a serialization.
     */
    public static final class Memo {
        private record Entry(Object value, String json) {
        }

        private volatile Entry last = new Entry(null, null);

        public String write(Object value) {
            Entry entry = last;
            if (entry.value() != null && entry.value().equals(value)) {
                return entry.json();
            }
            String json = JsonColumns.write(value);
            last = new Entry(value, json);
            return json;
        }
    }

    public static Map<String, Object> object(String json) {
        return read(json, OBJECT, Map.of());
    }

    public static Map<String, String> strings(String json) {
        return read(json, STRINGS, Map.of());
    }

    public static Map<String, Double> numbers(String json) {
        return read(json, NUMBERS, Map.of());
    }

    public static List<String> stringList(String json) {
        return read(json, STRING_LIST, List.of());
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read JSON column", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, T empty) {
        if (json == null || json.isEmpty()) {
            return empty;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read JSON column", e);
        }
    }
}
