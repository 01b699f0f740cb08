package io.brainstem.adapters.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The route label of a request path: the path template of the endpoint it names
 * ({@code /signatures/{signature_id}}), {@code /console} for the console's pages and files, and {@value #UNMATCHED}
 * for any other path, so that a scanner probing random paths cannot grow the number of series. Methods are kept to
 * the standard ones, any other is {@code OTHER}.
 */
final class RouteTemplates {

    static final String UNMATCHED = "unmatched";
    static final String CONSOLE = "/console";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final Set<String> exact = new HashSet<>();
    private final List<String[]> parameterized = new ArrayList<>();

    /** @param endpoints as {@link HttpApi#ENDPOINTS}: {@code METHOD /path/{param}} */
    RouteTemplates(List<String> endpoints) {
        for (String endpoint : endpoints) {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (path.contains("{")) {
                parameterized.add(path.split("/", -1));
            } else {
                exact.add(path);
            }
        }
    }

    String route(String path) {
        if (exact.contains(path)) {
            return path;
        }
        if (ConsoleHttpService.isConsolePath(path)) {
            return CONSOLE;
        }
        String[] segments = path.split("/", -1);
        for (String[] template : parameterized) {
            if (matches(template, segments)) {
                return String.join("/", template);
            }
        }
        return UNMATCHED;
    }

    private static boolean matches(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            boolean parameter = template[i].startsWith("{");
            if (parameter ? segments[i].isEmpty() : !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
