package io.brainstem.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the API: snake_case names, unknown fields ignored, and strict types — a string
 * where a number belongs (or a number where a string belongs) is a 400 that names the field.
 */
final class JsonCodec {

    static final ObjectMapper MAPPER = build();

    private JsonCodec() {
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                // {"db_path": "../x", "db_path": "ok"} must not pass as its last value, and nothing may follow the
                // object: both are ambiguous bodies, refused rather than guessed at
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("finite-numbers")
                        .addDeserializer(Object.class, new FiniteUntyped()))
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest("empty_body", "the request body is empty; a JSON object is expected");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            if (isTrailing(e)) {
                throw ApiException.badRequest("malformed_json", "the body is not valid JSON: something follows the "
                        + "object");
            }
            if (e.getPath().isEmpty()) {
                throw ApiException.badRequest("invalid_json", "the body must be a JSON object");
            }
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ApiException.badRequest("invalid_field", "field '" + field + "' " + expectation(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "the body is not valid JSON: "
                    + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "the body could not be read");
        }
    }

    /**
     * Free-form values (structured fields, metadata) as Jackson reads them, except that a number beyond a double
     * ({@code 1e400}) is refused: it would otherwise be kept as the text "Infinity".
     */
    private static final class FiniteUntyped extends com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer {

        FiniteUntyped() {
            super(null, (com.fasterxml.jackson.databind.JavaType) null);
        }

        @Override
        public Object deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT
                    && Double.isInfinite(p.getDoubleValue())) {
                throw ctxt.weirdNumberException(p.getDoubleValue(), Double.class, OUT_OF_RANGE);
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static final String OUT_OF_RANGE = "number out of range";

    private static boolean isTrailing(JsonMappingException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
    }

    /** What a field should have been, in the client's terms (no Java type names). */
    private static String expectation(JsonMappingException e) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().endsWith(OUT_OF_RANGE)) {
            return "holds a number too large to keep (beyond ±1.8e308)";
        }
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                ? m.getTargetType() : null;
        if (target == null) {
            return "has an invalid value";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a JSON array";
        }
        return "has the wrong type";
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
