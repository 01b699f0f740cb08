package io.brainstem.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates routes = new RouteTemplates(HttpApi.ENDPOINTS);

    @Test
    void everyServedEndpointIsItsOwnTemplate() {
        for (String endpoint : HttpApi.ENDPOINTS) {
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertEquals(path, routes.route(path.replaceAll("\\{[a-z_]+}", "x1")), endpoint);
        }
    }

    @Test
    void anythingElseCollapsesIntoOneValue() {
        assertEquals("/console", routes.route("/console/app.js"));
        assertEquals("/console", routes.route("/"));
        assertEquals(RouteTemplates.UNMATCHED, routes.route("/signatures/"));
        assertEquals(RouteTemplates.UNMATCHED, routes.route("/signatures/a/b"));
        assertEquals(RouteTemplates.UNMATCHED, routes.route("/.env"));
        assertEquals(RouteTemplates.UNMATCHED, routes.route(""));
        assertEquals("OTHER", RouteTemplates.method("PROPFIND"));
        assertEquals("GET", RouteTemplates.method("GET"));
    }
}
