package io.brainstem.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired server on a real port and SQLite file against careless and hostile clients (issue 16, ADR 26): each
 * test asserts the exact status of the answer and that the server still answers afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 256 * 1024;

    private Brainstem brainstem;
    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BRAINSTEM_HTTP_PORT", "0");
        env.put("BRAINSTEM_DATA_DIR", dir.toString());
        env.put("BRAINSTEM_SYSLOG_PORT", "off");
        env.put("BRAINSTEM_MAX_MESSAGE_BYTES", "4096");
        env.put("BRAINSTEM_MAX_RESPONSE_BYTES", "65536");
        env.put("BRAINSTEM_MAX_BODY_BYTES", Integer.toString(MAX_BODY));
        env.put("BRAINSTEM_MAX_BODY_BYTES_IN_FLIGHT", Integer.toString(MAX_BODY));
        env.put("BRAINSTEM_HTTP_IDLE_TIMEOUT_SECONDS", "2");
        env.put("BRAINSTEM_HTTP_HEADER_TIMEOUT_SECONDS", "1");
        env.put("BRAINSTEM_HTTP_BODY_TIMEOUT_SECONDS", "3"); // the budget test holds a body meanwhile
        brainstem = new Brainstem(BrainstemSettings.load(Config.empty(), env));
        server = brainstem.startHttp();
    }

    @AfterAll
    void stop() {
        server.stop();
        brainstem.close();
    }

    // ---- a small client over java.net.http (writes the whole body, then reads) and raw sockets

    private record Answer(int status, Map<String, String> headers, JsonNode body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String code() {
            return body.at("/error/code").asText();
        }
    }

    private Answer post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            req.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> names = new LinkedHashMap<>();
        res.headers().map().forEach((k, v) -> names.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
        return new Answer(res.statusCode(), names, JSON.readTree(res.body()));
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(res.statusCode(), Map.of(), JSON.readTree(res.body()));
    }

    private void assertServerUp() throws Exception {
        assertEquals(200, get("/healthz").status(), "the server still answers");
    }

    private static String event(String message) throws Exception {
        return JSON.writeValueAsString(Map.of("tenant_id", "hostile", "source_type", "syslog", "message_raw", message));
    }

    /** One HTTP/1.1 answer read off a socket: status line, headers, and a Content-Length body. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IOException("no answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, JSON.readTree(body));
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String head(String path, long length) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + length + "\r\n\r\n";
    }

    /** Whether the server closed the connection: end of stream, or a reset. */
    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    // ---- messages and list answers are bounded

    @Test
    void aLongMessageIsKeptCutWithItsLengthAndCounted() throws Exception {
        String message = "<14>Oct 11 22:14:15 fw-01 dump: " + "é".repeat(100_000);
        Answer ingest = post("/ingest/event", "application/json", event(message));
        assertEquals(200, ingest.status(), ingest.body().toString());

        JsonNode item = get("/raw_envelopes?tenant_id=hostile&limit=1").body().at("/items/0");
        String kept = item.get("message_raw").asText();
        assertTrue(message.startsWith(kept), "the start of the message is kept");
        assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= 4096);
        assertTrue(item.at("/metadata/message_truncated").asBoolean());
        assertEquals(message.getBytes(StandardCharsets.UTF_8).length, item.at("/metadata/message_original_bytes").asLong());
        JsonNode runtime = get("/runtime").body();
        assertTrue(runtime.at("/intake/ingest/messages_truncated").asLong() >= 1, runtime.toString());
    }

    @Test
    void aListStopsAtTheResponseBudgetAndSaysSo() throws Exception {
        StringBuilder batch = new StringBuilder("{\"events\": [");
        for (int i = 0; i < 30; i++) {
            batch.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(Map.of("tenant_id", "lists",
                    "message_raw", "<14>Oct 11 22:14:15 fw-01 dump " + i + ": " + "z".repeat(4000))));
        }
        assertEquals(200, post("/ingest/batch", "application/json", batch.append("]}").toString()).status());

        JsonNode list = get("/raw_envelopes?tenant_id=lists&limit=30").body();
        assertTrue(list.get("ok").asBoolean());
        assertTrue(list.get("truncated").asBoolean(), "30 rows of 4 KiB do not fit in 64 KiB");
        assertTrue(list.get("count").asInt() < 30 && list.get("count").asInt() > 5, list.get("count").toString());
        assertEquals(list.get("count").asInt(), list.get("items").size());
        assertFalse(get("/raw_envelopes?tenant_id=lists&limit=3").body().has("truncated"));
    }

    @Test
    void anEventWithoutSourceTypeIsSyslog() throws Exception {
        String body = "{\"tenant_id\": \"untyped\", \"message_raw\": \"<14>Oct 11 22:14:15 fw-02 sshd[7]: session opened\"}";
        assertEquals(200, post("/ingest/event", "application/json", body).status());
        JsonNode item = get("/raw_envelopes?tenant_id=untyped&limit=1").body().at("/items/0");
        assertEquals("syslog", item.get("source_type").asText());
        assertEquals("canonicalized", item.get("status").asText());
    }

    // ---- bodies: too large, too many at once

    @Test
    void anOverLimitBodyIsA413TheClientCanReadAfterSendingItWhole() throws Exception {
        Answer answer = post("/ingest/event", "application/json", event("x".repeat(MAX_BODY + 10)));
        assertEquals(413, answer.status());
        assertEquals("body_too_large", answer.code());
        assertServerUp();
    }

    @Test
    void bodiesBeyondTheBudgetInFlightAre503WithRetryAfterAndTheBudgetComesBack() throws Exception {
        String padded = event("<14>Oct 11 22:14:15 fw-03 pad: " + "p".repeat(MAX_BODY - 150));
        byte[] whole = padded.getBytes(StandardCharsets.UTF_8);
        try (Socket holder = socket()) {
            // a slow client holds the whole budget: its headers and all but the last bytes of its body are in
            OutputStream out = holder.getOutputStream();
            int sent = whole.length - 10;
            out.write(head("/ingest/event", whole.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(whole, 0, sent);
            out.flush();
            awaitBudgetTaken(MAX_BODY);

            Answer busy = post("/ingest/event", "application/json", event("<14>Oct 11 22:14:16 fw-03 x: y"));
            assertEquals(503, busy.status(), busy.body().toString());
            assertEquals("busy", busy.code());
            assertEquals("1", busy.header("Retry-After"));

            out.write(whole, sent, whole.length - sent);
            out.flush();
            assertEquals(200, read(holder.getInputStream()).status(), "the slow client is answered");
        }
        // the lease is given back once the exchange ends, which may be just after the client has read its answer
        awaitBudgetBelow(1);
        assertEquals(200, post("/ingest/event", "application/json", event("<14>Oct 11 22:14:17 fw-03 x: y")).status(),
                "the budget was given back");
        assertTrue(get("/runtime").body().at("/intake/http/bodies_refused_busy").asLong() >= 1);
    }

    private void awaitBudgetBelow(long bytes) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (get("/runtime").body().at("/intake/http/body_bytes_in_flight").asLong() >= bytes) {
            assertTrue(System.nanoTime() < deadline, "the budget was never given back");
            Thread.onSpinWait();
        }
    }

    private void awaitBudgetTaken(long bytes) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (get("/runtime").body().at("/intake/http/body_bytes_in_flight").asLong() < bytes) {
            assertTrue(System.nanoTime() < deadline, "the slow body never took its bytes");
            Thread.onSpinWait();
        }
    }

    // ---- what a body must be and where it may come from

    @Test
    void aBodyThatIsNotDeclaredJsonIsA415() throws Exception {
        String body = event("<14>Oct 11 22:14:15 fw-04 x: y");
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1"}) {
            Answer answer = post("/ingest/event", type, body);
            assertEquals(415, answer.status(), String.valueOf(type));
            assertEquals("unsupported_media_type", answer.code());
        }
        assertEquals(200, post("/ingest/event", "application/json; charset=UTF-8", body).status());
        assertServerUp();
    }

    @Test
    void aPageOfAnotherOriginCannotPostButTheServersOwnCan() throws Exception {
        String body = event("<14>Oct 11 22:14:15 fw-05 x: y");
        Answer evil = post("/ingest/event", "application/json", body, "Origin", "http://evil.example");
        assertEquals(403, evil.status());
        assertEquals("cross_origin", evil.code());
        Answer sameSite = post("/ingest/event", "application/json", body, "Sec-Fetch-Site", "cross-site");
        assertEquals(403, sameSite.status());
        Answer own = post("/ingest/event", "application/json", body,
                "Origin", "http://127.0.0.1:" + server.port(), "Sec-Fetch-Site", "same-origin");
        assertEquals(200, own.status(), own.body().toString());
        assertServerUp();
    }

    // ---- connections: idle, slow, closing

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (Socket idle = socket()) {
            long started = System.nanoTime();
            assertTrue(closedByServer(idle));
            assertTrue(System.nanoTime() - started < 15_000_000_000L, "closed within the idle timeout and period");
        }
        assertServerUp();
    }

    @Test
    void clientsThatGoAwayMidHeaderOrMidBodyLeaveNoStackTraceInTheLog() throws Exception {
        java.util.logging.Logger errors = java.util.logging.Logger.getLogger("io.brainstem.adapters.http.ErrorMapping");
        java.util.List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        errors.addHandler(capture);
        try {
            for (String cut : new String[] {"POST /ingest/event HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le",
                    head("/ingest/event", 100) + "{\"message_raw\": "}) {
                try (Socket socket = socket()) {
                    socket.getOutputStream().write(cut.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            assertServerUp();
            assertServerUp(); // the dropped requests have been handled by now: the server answers in order
        } finally {
            errors.removeHandler(capture);
        }
        assertEquals(java.util.List.of(), logged.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    @Test
    void aClientThatStopsWithinItsRequestLineIsClosed() throws Exception {
        try (Socket slow = socket()) {
            slow.getOutputStream().write("POST /ingest/ev".getBytes(StandardCharsets.ISO_8859_1));
            slow.getOutputStream().flush();
            assertTrue(closedByServer(slow));
        }
        assertServerUp();
    }

    @Test
    void headersSentTooSlowlyAreA408AndTheConnectionCloses() throws Exception {
        long before = runtimeCounter("headers_timed_out");
        try (Socket slow = socket()) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /stats HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // a slow-loris client: a header line every 100 ms, never the blank line that ends them
            Thread loris = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        out.write(("X-Slow-" + i + ": yes\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        Thread.sleep(100); // the client's pace, not a synchronisation
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed the connection
                }
            });
            long started = System.nanoTime();
            Answer answer = read(slow.getInputStream());
            assertEquals(408, answer.status());
            assertEquals("request_timeout", answer.code());
            assertTrue(System.nanoTime() - started < 10_000_000_000L, "within the header timeout and its sweep");
            assertTrue(closedByServer(slow));
            loris.interrupt();
        }
        assertEquals(before + 1, runtimeCounter("headers_timed_out"));
        assertServerUp();
    }

    @Test
    void aBodyThatStopsArrivingIsA408AndTheConnectionCloses() throws Exception {
        long before = runtimeCounter("bodies_timed_out");
        try (Socket slow = socket()) {
            slow.getOutputStream().write((head("/ingest/batch", 1000) + "{\"events\": [")
                    .getBytes(StandardCharsets.ISO_8859_1));
            slow.getOutputStream().flush();
            Answer answer = read(slow.getInputStream());
            assertEquals(408, answer.status());
            assertEquals("request_timeout", answer.code());
            assertTrue(closedByServer(slow));
        }
        assertEquals(before + 1, runtimeCounter("bodies_timed_out"));
        awaitBudgetBelow(1); // the stalled body's lease is given back
        assertServerUp();
    }

    @Test
    void aBodyThatKeepsArrivingSlowlyIsReadPastTheBodyTimeout() throws Exception {
        byte[] whole = event("<14>Oct 11 22:14:15 fw-03 slow: " + "s".repeat(900)).getBytes(StandardCharsets.UTF_8);
        try (Socket slow = socket()) {
            OutputStream out = slow.getOutputStream();
            out.write(head("/ingest/event", whole.length).getBytes(StandardCharsets.ISO_8859_1));
            int pieces = 12; // 12 x 400 ms: longer than the 3 s body timeout, never 3 s without a byte
            for (int i = 0; i < pieces; i++) {
                int from = whole.length * i / pieces;
                out.write(whole, from, whole.length * (i + 1) / pieces - from);
                out.flush();
                Thread.sleep(400); // the client's pace, not a synchronisation
            }
            assertEquals(200, read(slow.getInputStream()).status());
        }
    }

    @Test
    void aRequestSayingConnectionCloseIsAnsweredAndThenClosed() throws Exception {
        try (Socket socket = socket()) {
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Answer answer = read(socket.getInputStream());
            assertEquals(200, answer.status());
            assertEquals("close", answer.header("connection"));
            long started = System.nanoTime();
            assertTrue(closedByServer(socket));
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "closed at once, not by the idle timeout");
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestAfterRequest() throws Exception {
        try (Socket socket = socket()) {
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                assertEquals(200, read(socket.getInputStream()).status());
            }
        }
    }

    private long runtimeCounter(String name) throws Exception {
        return get("/runtime").body().at("/intake/http/" + name).asLong();
    }
}
