package io.brainstem.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routes ({@link HttpApi#ENDPOINTS}), the OpenAPI document and docs/api.md describe the same API: the
 * same endpoints, and for each endpoint the same parameters. Fails when one of them drifts.
 */
class ApiDocumentationConsistencyTest {

    /** {@code ### `GET /path`} */
    private static final Pattern HEADING = Pattern.compile("^### `([A-Z]+ /[^`]*)`\\s*$");
    /** A parameter row of a section's table: {@code | `name` | ...}. */
    private static final Pattern TABLE_PARAMETER = Pattern.compile("^\\| `([a-z_]+)` \\|");

    private static OpenApiDocument openApi;
    private static Map<String, String> docSections;

    @BeforeAll
    static void read() throws IOException {
        openApi = OpenApiDocument.bundled();
        docSections = sections(Files.readString(apiMarkdown(), StandardCharsets.UTF_8));
    }

    /** docs/api.md of this checkout; Maven runs the tests in the module directory (adapters/http). */
    static Path apiMarkdown() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("docs/api.md not found above " + System.getProperty("user.dir"));
    }

    /** Each {@code ### `METHOD /path`} heading with its text up to the next heading of level 2 or 3. */
    private static Map<String, String> sections(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            boolean anyHeading = line.startsWith("## ") || line.startsWith("### ");
            if (anyHeading && current != null) {
                out.put(current, body.toString());
                current = null;
            }
            if (heading.matches()) {
                current = heading.group(1);
                if (out.containsKey(current)) {
                    throw new AssertionError("docs/api.md documents " + current + " twice");
                }
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, body.toString());
        }
        return out;
    }

    /** The first column of every table whose header begins {@code | name |} (field tables are skipped). */
    private static List<String> tabulatedParameters(String section) {
        List<String> names = new ArrayList<>();
        boolean inParameterTable = false;
        boolean inTable = false;
        for (String line : section.split("\n")) {
            boolean tableLine = line.startsWith("|");
            if (tableLine && !inTable) {
                inParameterTable = line.startsWith("| name |");
            }
            inTable = tableLine;
            Matcher row = TABLE_PARAMETER.matcher(line);
            if (inParameterTable && row.find()) {
                names.add(row.group(1));
            }
        }
        return names;
    }

    @Test
    void openApiHasExactlyTheServedEndpoints() {
        assertEquals(new TreeSet<>(HttpApi.ENDPOINTS), openApi.operations());
    }

    @Test
    void apiMarkdownHasOneSectionPerServedEndpoint() {
        assertEquals(new TreeSet<>(HttpApi.ENDPOINTS), new TreeSet<>(docSections.keySet()));
        assertEquals(HttpApi.ENDPOINTS.size(), Set.copyOf(HttpApi.ENDPOINTS).size(), "ENDPOINTS has duplicates");
    }

    @Test
    void everyOpenApiParameterIsDocumentedInItsSection() {
        List<String> missing = new ArrayList<>();
        for (String endpoint : HttpApi.ENDPOINTS) {
            String section = docSections.getOrDefault(endpoint, "");
            for (String in : List.of("query", "path")) {
                for (String name : openApi.parameters(endpoint, in)) {
                    if (!section.contains("`" + name + "`")) {
                        missing.add(endpoint + " " + in + " parameter " + name);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "in openapi.yaml but not in docs/api.md: " + missing);
    }

    @Test
    void everyParameterTheDocsTabulateIsInTheOpenApiDocument() {
        List<String> extra = new ArrayList<>();
        for (String endpoint : HttpApi.ENDPOINTS) {
            if (endpoint.startsWith("POST ")) {
                continue; // POST sections tabulate body fields, which the request schemas describe
            }
            Set<String> declared = new TreeSet<>(openApi.parameters(endpoint, "query"));
            declared.addAll(openApi.parameters(endpoint, "path"));
            for (String name : tabulatedParameters(docSections.getOrDefault(endpoint, ""))) {
                if (!declared.contains(name)) {
                    extra.add(endpoint + " " + name);
                }
            }
        }
        assertTrue(extra.isEmpty(), "in docs/api.md but not in openapi.yaml: " + extra);
    }

    @Test
    void everyQueryParameterTheAdapterReadsIsDeclaredInTheOpenApiDocument() throws IOException {
        Pattern read = Pattern.compile("(?:q|query|intQuery|doubleQuery|parsed)\\(req, \"([a-z_]+)\"");
        Set<String> readByCode = new TreeSet<>();
        Path sources = Path.of(System.getProperty("user.dir"), "src", "main", "java", "io", "brainstem", "adapters",
                "http");
        try (var files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = read.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    readByCode.add(m.group(1));
                }
            }
        }
        assertTrue(readByCode.containsAll(Set.of("limit", "db_path", "threshold", "status")), readByCode.toString());
        Set<String> declared = new TreeSet<>();
        HttpApi.ENDPOINTS.forEach(endpoint -> declared.addAll(openApi.parameters(endpoint, "query")));
        Set<String> undeclared = new TreeSet<>(readByCode);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undeclared, "query parameters read in adapters/http but not in openapi.yaml");
    }

    @Test
    void openApiIsVersion3AndEveryReferenceResolves() {
        assertTrue(openApi.version().startsWith("3."), openApi.version());
        assertEquals(List.of(), openApi.danglingRefs());
    }

    @Test
    void exactlyTheUnauthenticatedEndpointsOptOutOfSecurityInOpenApi() {
        Set<String> expected = new TreeSet<>();
        AuthFilter.OPEN_PATHS.forEach(path -> expected.add("GET " + path));
        Set<String> open = new TreeSet<>();
        HttpApi.ENDPOINTS.stream().filter(openApi::isOpen).forEach(open::add);
        assertEquals(expected, open);
    }
}
