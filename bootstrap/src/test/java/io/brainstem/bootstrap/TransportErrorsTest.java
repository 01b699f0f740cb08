package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What the server answers before the routing is in the JSON error shape too, over a real socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransportErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Brainstem brainstem;
    private WebServer server;

    @BeforeAll
    void start(@TempDir Path dir) {
        brainstem = new Brainstem(BrainstemSettings.load(Config.empty(), Map.of("BRAINSTEM_HTTP_PORT", "0",
                "BRAINSTEM_DATA_DIR", dir.toString(), "BRAINSTEM_SYSLOG_PORT", "off")));
        server = brainstem.startHttp();
    }

    @AfterAll
    void stop() {
        server.stop();
        brainstem.close();
    }

    /** Sends raw bytes, reads the whole answer (the server closes after these errors). */
    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode body(String response) throws Exception {
        return JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void http10HealthChecksAreAnsweredAndEverythingElseIsA505ThatSaysToUseHttp11() throws Exception {
        String health = exchange("GET /healthz HTTP/1.0\r\n\r\n"); // HAProxy's option httpchk GET /healthz
        assertTrue(health.startsWith("HTTP/1.0 200 OK\r\n"), health);
        assertTrue(health.contains("\r\nConnection: close\r\n"), health);
        assertEquals("ok", body(health).get("status").asText());
        String status = exchange("GET /status?verbose=1 HTTP/1.0\r\nUser-Agent: check\r\n\r\n");
        assertEquals("ok", body(status).get("status").asText());
        String head = exchange("HEAD /healthz HTTP/1.0\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.0 200 OK\r\n"), head);
        assertTrue(head.endsWith("\r\n\r\n"), "HEAD has no body: " + head);

        String other = exchange("GET /stats HTTP/1.0\r\n\r\n");
        assertTrue(other.startsWith("HTTP/1.0 505"), other);
        JsonNode body = body(other);
        assertEquals(false, body.get("ok").asBoolean());
        assertEquals("http_version_not_supported", body.at("/error/code").asText());
        assertTrue(body.at("/error/message").asText().contains("HTTP/1.1"));
        String post = exchange("POST /healthz HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(post.startsWith("HTTP/1.0 505"), post);
    }

    @Test
    void otherHttpVersionsAreA400InJson() throws Exception {
        String response = exchange("GET /healthz HTTP/1.2\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertEquals("bad_request", body(response).at("/error/code").asText());
    }

    @Test
    void aGarbledRequestLineIsA400InJson() throws Exception {
        String response = exchange("GARBAGE\u0001 / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertEquals("bad_request", body(response).at("/error/code").asText());
    }

    @Test
    void anOverlongUriIsA414InJson() throws Exception {
        String response = exchange("GET /stats?x=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 414"), response.substring(0, Math.min(200, response.length())));
        assertEquals("uri_too_long", body(response).at("/error/code").asText());
    }
}
