package io.brainstem.adapters.logicmonitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A LogicMonitor portal for tests, over real HTTP on 127.0.0.1: {@code GET /santaba/rest/alert/alerts} with
 * {@code filter=startEpoch>:"N"}, {@code size} (at most 1000), {@code offset} and start-time order, as REST API v3
 * answers it. Every request must carry {@code X-Version: 3} and an LMv1 signature that this class computes again on
 * its own and compares byte for byte; a wrong one is a 401. It can answer 429 or 5xx to the next requests, or
 * answer slowly, and alerts can be added and cleared between syncs.
 */
public final class FakeLogicMonitorPortal implements AutoCloseable {

    public static final String ACCESS_ID = "lm-test-access-id";
    public static final String ACCESS_KEY = "lm-test-access-key-7Hq2+/=s3cr3t";

    private static final Pattern AUTH = Pattern.compile("LMv1 ([^:]+):([^:]+):(\\d+)");
    private static final Pattern START_FILTER = Pattern.compile("startEpoch>:\"?(\\d+)\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String accessKey;
    private final List<Map<String, Object>> alerts = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger slowAnswers = new AtomicInteger();
    private volatile Duration slowBy = Duration.ZERO;

    public FakeLogicMonitorPortal() {
        this(ACCESS_KEY);
    }

    /** A portal that accepts only signatures made with {@code accessKey}. */
    public FakeLogicMonitorPortal(String accessKey) {
        this.accessKey = accessKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/santaba/rest/alert/alerts", this::alerts);
        server.setExecutor(executor);
        server.start();
    }

    /** The REST base to configure brainstem with ({@code BRAINSTEM_LM_BASE_URL}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/santaba/rest");
    }

    /** Adds an active alert as the portal lists it. */
    public void raise(String id, long startEpoch, int severity, String host, String datasource, String instance) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("internalId", "LMA" + id.replaceAll("\\D", ""));
        a.put("type", "dataSourceAlert");
        a.put("severity", severity);
        a.put("startEpoch", startEpoch);
        a.put("endEpoch", 0);
        a.put("cleared", false);
        a.put("acked", false);
        a.put("monitorObjectId", 12345);
        a.put("monitorObjectName", host);
        a.put("resourceTemplateName", datasource);
        a.put("instanceName", instance);
        a.put("dataPointName", "TunnelState");
        a.put("alertValue", "0");
        a.put("threshold", "= 0");
        a.put("rule", "Critical");
        a.put("detailMessage", Map.of("subject", datasource + " " + instance + " on " + host + " is down",
                "body", "The tunnel state is 0."));
        alerts.add(a);
    }

    /** Clears an alert: {@code cleared} and {@code endEpoch}, as LogicMonitor shows a cleared alert. */
    public void clear(String id, long endEpoch) {
        for (Map<String, Object> a : alerts) {
            if (id.equals(a.get("id"))) {
                a.put("cleared", true);
                a.put("endEpoch", endEpoch);
            }
        }
    }

    /** The next {@code count} requests are answered 429 with {@code X-Rate-Limit-Window: windowSeconds}. */
    public void rateLimitNext(int count) {
        tooManyRequests.set(count);
    }

    /** The next {@code count} requests are answered 503. */
    public void failNext(int count) {
        serverErrors.set(count);
    }

    /** The next {@code count} requests are answered only after {@code by}. */
    public void slowNext(int count, Duration by) {
        slowBy = by;
        slowAnswers.set(count);
    }

    /** Every request received, as {@code path?query} (query decoded). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** What was wrong with requests (signature, version header, page size): empty when all were right. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void alerts(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = query(rawQuery);
            requests.add(exchange.getRequestURI().getPath() + "?" + URLDecoder.decode(rawQuery == null ? ""
                    : rawQuery, StandardCharsets.UTF_8));
            if (!"3".equals(exchange.getRequestHeaders().getFirst("X-Version"))) {
                problems.add("X-Version is " + exchange.getRequestHeaders().getFirst("X-Version"));
            }
            String refusal = checkSignature(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"));
            if (refusal != null) {
                send(exchange, 401, Map.of("errorMessage", "Authentication failed", "errorCode", 1401,
                        "errorDetail", refusal));
                return;
            }
            if (slowAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                pause(slowBy);
            }
            if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("X-Rate-Limit-Limit", "500");
                exchange.getResponseHeaders().add("X-Rate-Limit-Remaining", "0");
                exchange.getResponseHeaders().add("X-Rate-Limit-Window", "1");
                send(exchange, 429, Map.of("errorMessage", "Too Many Requests", "errorCode", 1429));
                return;
            }
            if (serverErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, Map.of("errorMessage", "Service Unavailable"));
                return;
            }
            int size = Integer.parseInt(query.getOrDefault("size", "50"));
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            if (size < 1 || size > 1000) {
                problems.add("size " + size);
                send(exchange, 400, Map.of("errorMessage", "size must be 1..1000"));
                return;
            }
            Matcher m = START_FILTER.matcher(query.getOrDefault("filter", ""));
            long from = m.find() ? Long.parseLong(m.group(1)) : 0;
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> a : alerts) {
                if (((Number) a.get("startEpoch")).longValue() >= from) {
                    matching.add(new LinkedHashMap<>(a));
                }
            }
            matching.sort(Comparator.comparingLong(a -> ((Number) a.get("startEpoch")).longValue()));
            List<Map<String, Object>> page = matching.subList(Math.min(offset, matching.size()),
                    Math.min(offset + size, matching.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", matching.size());
            body.put("items", page);
            body.put("searchId", null);
            send(exchange, 200, body);
        }
    }

    /** Null when the header is LMv1 with the expected id and a signature equal, byte for byte, to one made here. */
    private String checkSignature(String method, String header) {
        if (header == null) {
            return "no Authorization header";
        }
        Matcher m = AUTH.matcher(header);
        if (!m.matches()) {
            return "not an LMv1 header";
        }
        if (!ACCESS_ID.equals(m.group(1))) {
            return "unknown access id";
        }
        // what LogicMonitor signs: verb + epoch + body (none for GET) + the resource path without /santaba/rest
        String signed = method + m.group(3) + "" + "/alert/alerts";
        byte[] expected = expectedSignature(signed).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII)) ? null
                : "signature mismatch";
    }

    private String expectedSignature(String signed) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(accessKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder();
            for (byte b : hmac.doFinal(signed.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return Base64.getEncoder().encodeToString(hex.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
