package io.brainstem.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's static files: served at {@code /} and {@code /console/...} with their content types and caching,
 * without the API token (which the API itself still needs), and nothing outside the console folder.
 */
@ServerTest
class ConsoleHttpServiceTest {

    private static final String TOKEN = "console-test-token";
    private final Http1Client client;
    private final WebServer server;

    ConsoleHttpServiceTest(Http1Client client, WebServer server) {
        this.client = client;
        this.server = server;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(ApiLimits.DEFAULTS, Optional.of(TOKEN)));
    }

    private record Fetched(int status, String contentType, String cacheControl, String etag, String body) {
    }

    private Fetched get(String path) {
        try (Http1ClientResponse res = client.get(path).request()) {
            return new Fetched(res.status().code(), res.headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
                    res.headers().first(HeaderNames.CACHE_CONTROL).orElse(""),
                    res.headers().first(HeaderNames.ETAG).orElse(""), res.as(String.class));
        }
    }

    /** Sends the request line exactly as written, so no client normalizes the path first; answers head and body. */
    private String raw(String target) throws IOException {
        return raw(target, "GET");
    }

    private String raw(String target, String method) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder response = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                response.append(line).append("\r\n");
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            if (method.equals("HEAD")) {
                return response.toString();
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return response.append("\r\n").append(body, 0, read).toString();
        }
    }

    @Test
    void indexIsServedAtTheRootAndUnderConsoleWithoutAToken() {
        for (String path : List.of("/", "/console/", "/console/index.html")) {
            Fetched page = get(path);
            assertEquals(200, page.status(), path);
            assertEquals("text/html; charset=utf-8", page.contentType(), path);
            assertEquals("no-cache", page.cacheControl(), path);
            assertTrue(page.body().contains("<script type=\"module\" src=\"/console/app.js\">"), path);
            assertFalse(page.body().contains("{{uplot}}"), "the chart library's path is filled in");
        }
        try (Http1ClientResponse res = client.get("/console").followRedirects(false).request()) {
            assertEquals(Status.MOVED_PERMANENTLY_301, res.status());
            assertEquals("/console/", res.headers().first(HeaderNames.LOCATION).orElseThrow());
        }
    }

    @Test
    void headIsAnsweredWithoutATokenAndEveryFileCarriesTheSecurityHeaders() throws IOException {
        String head = raw("/console/app.js", "HEAD");
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("content-type: text/javascript"), head);
        try (Http1ClientResponse res = client.get("/console/").request()) {
            assertTrue(res.headers().first(HeaderNames.create("Content-Security-Policy")).orElseThrow()
                    .contains("script-src 'self'"));
            assertEquals("nosniff", res.headers().first(HeaderNames.X_CONTENT_TYPE_OPTIONS).orElseThrow());
        }
    }

    @Test
    void scriptsAndStylesHaveTheirContentTypesAndRevalidate() {
        Fetched app = get("/console/app.js");
        assertEquals(200, app.status());
        assertEquals("text/javascript; charset=utf-8", app.contentType());
        assertEquals("no-cache", app.cacheControl());
        assertTrue(app.body().contains("import"), app.body());
        assertEquals("text/javascript; charset=utf-8", get("/console/pages/today.js").contentType());
        assertEquals("text/css; charset=utf-8", get("/console/style.css").contentType());

        try (Http1ClientResponse again = client.get("/console/app.js")
                .header(HeaderNames.IF_NONE_MATCH, app.etag()).request()) {
            assertEquals(Status.NOT_MODIFIED_304, again.status());
        }
    }

    @Test
    void theChartLibraryComesFromItsWebJarUnderAVersionedPathCachedForGood() {
        String version = ConsoleHttpService.webJarVersion("org.webjars.npm", "uplot");
        assertTrue(get("/").body().contains("/console/vendor/uplot-" + version + "/uPlot.iife.min.js"));
        Fetched lib = get("/console/vendor/uplot-" + version + "/uPlot.iife.min.js");
        assertEquals(200, lib.status());
        assertEquals("text/javascript; charset=utf-8", lib.contentType());
        assertEquals("public, max-age=31536000, immutable", lib.cacheControl());
        assertTrue(lib.body().contains("uPlot"));
        assertEquals("text/css; charset=utf-8",
                get("/console/vendor/uplot-" + version + "/uPlot.min.css").contentType());
        assertEquals(404, get("/console/vendor/uplot-0.0.1/uPlot.iife.min.js").status());
    }

    @Test
    void theApiBehindTheConsoleStillNeedsTheToken() {
        assertEquals(401, get("/stats").status());
        assertEquals(401, get("/console-not/stats").status());
        try (Http1ClientResponse res = client.get("/stats").header(HeaderNames.create("X-API-Token"), TOKEN)
                .request()) {
            assertEquals(Status.OK_200, res.status());
        }
    }

    @Test
    void unknownFilesAndPathsLeavingTheConsoleFolderAre404() throws IOException {
        for (String path : List.of("/console/nope.js", "/console/ConsoleHttpService.class", "/console/.hidden.js",
                "/console/pages", "/console/app.js.bak", "/console/vendor/uplot/uPlot.iife.min.js")) {
            Fetched f = get(path);
            assertEquals(404, f.status(), path);
            assertTrue(f.body().contains("\"not_found\""), path);
        }
        for (String target : List.of("/console/../openapi.yaml", "/console/%2e%2e/openapi.yaml",
                "/console/..%2fopenapi.yaml", "/console/%2e%2e%2f%2e%2e%2fMETA-INF/MANIFEST.MF",
                "/console/vendor/uplot-1.6.30/../../../../META-INF/MANIFEST.MF",
                "/console/..%5c..%5cMETA-INF%5cMANIFEST.MF", "/console/%00.js", "/console//etc/passwd.txt")) {
            String response = raw(target);
            String statusLine = response.substring(0, response.indexOf("\r\n"));
            assertTrue(statusLine.contains(" 404 ") || statusLine.contains(" 400 ") || statusLine.contains(" 401 "),
                    target + " -> " + statusLine);
            assertFalse(response.contains("openapi: "), target);
            assertFalse(response.contains("Manifest-Version"), target);
        }
    }
}
