package io.brainstem.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI document read with SnakeYAML, and just enough of a schema checker to hold real responses
 * against it: types, {@code nullable}, {@code enum}, {@code required}, {@code items}, {@code oneOf},
 * local {@code $ref}s. Stricter than OpenAPI on purpose: an object that declares {@code properties} but no
 * {@code additionalProperties} is treated as closed, so a response field missing from the document fails.
 */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    static OpenApiDocument parse(String yaml) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new AssertionError("the OpenAPI document is not a YAML mapping");
        }
        return new OpenApiDocument(cast(map));
    }

    /** The document bundled with the HTTP adapter (what {@code GET /openapi} serves). */
    static OpenApiDocument bundled() {
        try (InputStream in = OpenApiHttpService.class.getResourceAsStream(OpenApiHttpService.RESOURCE)) {
            if (in == null) {
                throw new AssertionError("missing " + OpenApiHttpService.RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return String.valueOf(root.get("openapi"));
    }

    /** Every operation as {@code METHOD /path}, e.g. {@code GET /failures/{raw_envelope_id}}. */
    Set<String> operations() {
        Set<String> out = new TreeSet<>();
        map(root, "paths").forEach((path, item) -> cast((Map<?, ?>) item).keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> out.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return out;
    }

    /** The names of the parameters of one operation that are {@code in} the given place (query, path). */
    Set<String> parameters(String operation, String in) {
        Set<String> names = new TreeSet<>();
        for (Object p : list(operation(operation), "parameters")) {
            Map<String, Object> parameter = resolve(cast((Map<?, ?>) p));
            if (in.equals(parameter.get("in"))) {
                names.add(String.valueOf(parameter.get("name")));
            }
        }
        return names;
    }

    /** True when the operation opts out of the document's security ({@code security: []}). */
    boolean isOpen(String operation) {
        return operation(operation).get("security") instanceof List<?> l && l.isEmpty();
    }

    /** The JSON schema of one operation's response with that status. */
    Map<String, Object> responseSchema(String operation, String status) {
        Map<String, Object> response = resolve(map(map(operation(operation), "responses"), status));
        Map<String, Object> json = map(map(response, "content"), "application/json");
        return map(json, "schema");
    }

    /** Where {@code node} breaks {@code schema}, as readable problems; empty when it conforms. */
    List<String> violations(JsonNode node, Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        check(node, schema, "$", problems);
        return problems;
    }

    /** Every local {@code $ref} in the document that does not resolve. */
    List<String> danglingRefs() {
        List<String> dangling = new ArrayList<>();
        collectRefs(root, dangling);
        return dangling;
    }

    private void collectRefs(Object node, List<String> dangling) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref != null) {
                try {
                    pointer(String.valueOf(ref));
                } catch (AssertionError e) {
                    dangling.add(String.valueOf(ref));
                }
            }
            m.values().forEach(v -> collectRefs(v, dangling));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, dangling));
        }
    }

    private Map<String, Object> operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return map(map(map(root, "paths"), parts[1]), parts[0].toLowerCase(Locale.ROOT));
    }

    private void check(JsonNode node, Map<String, Object> raw, String at, List<String> problems) {
        Map<String, Object> schema = resolve(raw);
        if (node == null || node.isNull()) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && schema.containsKey("type")) {
                problems.add(at + " is null but not nullable");
            }
            return;
        }
        if (schema.get("oneOf") instanceof List<?> options) {
            boolean any = options.stream().anyMatch(o -> violations(node, cast((Map<?, ?>) o)).isEmpty());
            if (!any) {
                problems.add(at + " matches none of oneOf");
            }
            return;
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (type == null) {
            return;
        }
        boolean rightType = switch (type) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            case "array" -> node.isArray();
            case "object" -> node.isObject();
            default -> throw new AssertionError("unknown schema type " + type + " at " + at);
        };
        if (!rightType) {
            problems.add(at + " should be " + type + " but is " + node.getNodeType());
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && node.isValueNode()) {
            Object value = node.isTextual() ? node.asText() : node.isBoolean() ? node.asBoolean() : node.numberValue();
            if (allowed.stream().noneMatch(a -> a != null && String.valueOf(a).equals(String.valueOf(value)))) {
                problems.add(at + " = " + value + " is not one of " + allowed);
            }
        }
        if ("array".equals(type) && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), cast(items), at + "[" + i + "]", problems);
            }
        }
        if ("object".equals(type)) {
            checkObject(node, schema, at, problems);
        }
    }

    private void checkObject(JsonNode node, Map<String, Object> schema, String at, List<String> problems) {
        for (Object required : schema.get("required") instanceof List<?> l ? l : List.of()) {
            if (!node.has(String.valueOf(required))) {
                problems.add(at + " lacks required field " + required);
            }
        }
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> p ? cast(p) : Map.of();
        Object additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = at + "." + field.getKey();
            if (properties.get(field.getKey()) instanceof Map<?, ?> declared) {
                check(field.getValue(), cast(declared), where, problems);
            } else if (additional instanceof Map<?, ?> valueSchema) {
                check(field.getValue(), cast(valueSchema), where, problems);
            } else if (!Boolean.TRUE.equals(additional)) {
                problems.add(where + " is not declared in the document");
            }
        }
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : resolve(pointer(String.valueOf(ref)));
    }

    private Map<String, Object> pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local $refs are supported: " + ref);
        }
        Map<String, Object> node = root;
        for (String part : ref.substring(2).split("/")) {
            node = map(node, part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof Map<?, ?> m)) {
            throw new AssertionError("the OpenAPI document has no mapping '" + key + "' here");
        }
        return cast(m);
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
