package io.brainstem.adapters.persistence.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brainstem.application.port.out.StorageException;
import java.util.List;
import java.util.Map;

/** JSON text columns: maps and lists written and read with one shared Jackson mapper. */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object value) {
        if (value instanceof java.util.Map<?, ?> m && m.isEmpty()) {
            return "{}";
        }
        if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
            return "[]";
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write JSON column", e);
        }
    }

    static Map<String, Object> object(String json) {
        return read(json, OBJECT, Map.of());
    }

    static Map<String, String> strings(String json) {
        return read(json, STRINGS, Map.of());
    }

    static Map<String, Double> numbers(String json) {
        return read(json, NUMBERS, Map.of());
    }

    static List<String> stringList(String json) {
        return read(json, STRING_LIST, List.of());
    }

    static <T> T read(String json, Class<T> type) {
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
