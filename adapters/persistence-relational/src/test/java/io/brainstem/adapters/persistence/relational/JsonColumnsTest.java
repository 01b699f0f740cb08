package io.brainstem.adapters.persistence.relational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths for JSON columns write exactly what Jackson writes, and read back to the same map. */
class JsonColumnsTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void flatMapsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(11);
        String alphabet = "ab\"\\/\n\r\t\b\f\u0001\u001f\u007fé€😀 {}:,";
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int k = random.nextInt(5); k >= 0; k--) {
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                Object value = switch (random.nextInt(4)) {
                    case 0 -> text.toString();
                    case 1 -> random.nextInt();
                    case 2 -> random.nextLong();
                    default -> random.nextBoolean();
                };
                map.put("k" + k + text, value);
            }
            String fast = JsonColumns.write(map);
            assertEquals(JACKSON.writeValueAsString(map), fast);
            assertEquals(map.size(), JsonColumns.object(fast).size());
        }
        assertNull(JsonColumns.directJson(Map.of("double", 1.5)));
        assertNull(JsonColumns.directJson(Map.of("nested", Map.of("double", 1.5))));
        assertEquals("{\"nested\":{\"k\":[1,2]}}", JsonColumns.write(Map.of("nested", Map.of("k", List.of(1, 2)))));
    }

    @Test
    void nestedMapsAndListsAreWrittenAsJacksonWritesThem() throws Exception {
        Random random = new Random(12);
        for (int i = 0; i < 5_000; i++) {
            Object value = randomValue(random, 0);
            if (!(value instanceof Map<?, ?>) && !(value instanceof java.util.Collection<?>)) {
                continue;
            }
            assertEquals(JACKSON.writeValueAsString(value), JsonColumns.write(value));
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth < 4 ? 8 : 6);
        return switch (kind) {
            case 0 -> "v\"" + random.nextInt(100) + "\u00e9\n";
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> random.nextInt(10) == 0 ? random.nextDouble() : "plain";
            case 6 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    map.put("k" + k + (random.nextBoolean() ? "\t" : ""), randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                java.util.Collection<Object> list = random.nextBoolean() ? new java.util.ArrayList<>()
                        : new java.util.LinkedHashSet<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    @Test
    void aMemoReturnsTheSameJsonAsAFreshWrite() {
        JsonColumns.Memo memo = new JsonColumns.Memo();
        Map<String, String> a = Map.of("host", "message");
        Map<String, String> b = Map.of("host", "client");
        assertEquals(JsonColumns.write(a), memo.write(a));
        assertEquals(JsonColumns.write(a), memo.write(new HashMap<>(a)));
        assertEquals(JsonColumns.write(b), memo.write(b));
        assertEquals("{}", memo.write(Map.of()));
    }
}
