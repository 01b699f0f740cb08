package io.brainstem.adapters.http;

import static io.brainstem.adapters.http.ApiTestSupport.assertError;
import static io.brainstem.adapters.http.ApiTestSupport.assertOk;
import static io.brainstem.adapters.http.ApiTestSupport.get;
import static io.brainstem.adapters.http.ApiTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every inspection endpoint over a real socket: each filter the seed names, the ordering, the seed's field
 * names and the 400s. The data set lives in its own database ({@code db_path=inspect}), written once.
 */
@ServerTest
class InspectionHttpServiceTest {

    private static final int MAX_LIMIT = 50;
    private static final String DB = "inspect";

    /**
     * Raw envelope ids 1..8: 1-2 one recurring err signature (acme, file, fw-01), 3 a syslog line (acme,
     * sw-01), 4 another tenant (beta), 5-6 the seed's batch (demo-tenant, recurring notice), 7 parse_failed
     * (acme, sw-01), 8 unsupported (acme, snmp).
     */
    private static final String DATA_SET = """
            {"events": [
            {"tenant_id": "acme", "source_type": "file", "source_id": "fw-01", "source_path": "/var/log/fw.log",
             "host": "fw-01", "service": "charon", "severity": "err", "message_raw": "VPN tunnel to peer 203.0.113.10 failed"},
            {"tenant_id": "acme", "source_type": "file", "source_id": "fw-01", "source_path": "/var/log/fw.log",
             "host": "fw-01", "service": "charon", "severity": "err", "message_raw": "VPN tunnel to peer 203.0.113.11 failed"},
            {"tenant_id": "acme", "source_type": "syslog", "source_id": "sw-01",
             "message_raw": "<132>Mar 22 03:00:00 sw-01 kernel: link eth0 down"},
            {"tenant_id": "beta", "source_type": "file", "source_id": "app-01", "source_path": "/var/log/app.log",
             "host": "app-01", "service": "nginx", "severity": "info", "message_raw": "worker process started"},
            {"tenant_id": "demo-tenant", "source_type": "syslog", "host": "fw-01", "service": "charon",
             "message_raw": "Mar 22 03:00:00 fw-01 charon: VPN tunnel recovered"},
            {"tenant_id": "demo-tenant", "source_type": "syslog", "host": "fw-01", "service": "charon",
             "message_raw": "Mar 22 03:00:10 fw-01 charon: VPN tunnel recovered"},
            {"tenant_id": "acme", "source_type": "syslog", "source_id": "sw-01", "message_raw": "<999>garbage"},
            {"tenant_id": "acme", "source_type": "snmp", "source_id": "trap-01", "message_raw": "linkDown ifIndex=3"}
            ]}""";

    private static boolean written;

    private final Http1Client client;

    InspectionHttpServiceTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder builder) {
        HttpApi.routing(builder, ApiTestSupport.dependencies(
                new ApiLimits(ApiLimits.DEFAULTS.maxBodyBytes(), 100, MAX_LIMIT), Optional.empty()));
    }

    /** GET against the data set's database; writes the data set on first use. */
    private JsonNode inspect(String path, String... query) {
        synchronized (InspectionHttpServiceTest.class) {
            if (!written) {
                JsonNode accounting = assertOk(post(client, "/ingest/batch", DATA_SET, "db_path", DB));
                assertEquals(8, accounting.get("event_count").asInt());
                written = true;
            }
        }
        String[] withDb = new String[query.length + 2];
        System.arraycopy(query, 0, withDb, 0, query.length);
        withDb[query.length] = "db_path";
        withDb[query.length + 1] = DB;
        return assertOk(get(client, path, withDb));
    }

    /** {@code GET path?name=value} is a 400 {@code invalid_<name>}; returns the message. */
    private String rejected(String path, String name, String value) {
        return assertError(get(client, path, name, value), Status.BAD_REQUEST_400, "invalid_" + name);
    }

    private static List<Long> ids(JsonNode body, String field) {
        List<Long> ids = new ArrayList<>();
        body.get("items").forEach(item -> ids.add(item.get(field).asLong()));
        assertEquals(ids.size(), body.get("count").asInt(), "count is the number of items");
        return ids;
    }

    private static List<String> texts(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        body.get("items").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    @Test
    void interestingWithoutDbPathListsWhatWasIngestedIntoTheDefaultDatabase() {
        assertOk(post(client, "/ingest/batch", IngestHttpServiceTest.SEED_BATCH));
        JsonNode body = assertOk(get(client, "/interesting"));
        assertTrue(body.get("count").asInt() >= 1, body.toString());
        JsonNode item = body.get("items").get(0);
        assertEquals("recurrence", item.get("candidate_type").asText());
        assertFalse(item.get("why_it_matters").asText().isBlank());
        // a read never creates a database, in memory as on disk (StorageCatalogContract)
        ApiTestSupport.assertError(get(client, "/interesting", "db_path", "never-written"),
                io.helidon.http.Status.BAD_REQUEST_400, "unknown_database");
    }

    @Test
    void interestingIsHighestScoreFirstWithLimitAndTenant() {
        JsonNode all = inspect("/interesting");
        assertEquals(2, all.get("count").asInt());
        double first = all.at("/items/0/score_total").asDouble();
        double second = all.at("/items/1/score_total").asDouble();
        assertTrue(first >= second, all.toString());
        assertEquals(1, inspect("/interesting", "limit", "1").get("count").asInt());
        assertEquals(List.of("demo-tenant"), texts(inspect("/interesting", "tenant_id", "demo-tenant"), "tenant_id"));
    }

    @Test
    void candidatesFilterByTypeBandAndMinimumScore() {
        JsonNode all = inspect("/candidates", "candidate_type", "recurrence");
        assertEquals(List.of("acme", "demo-tenant"), texts(all, "tenant_id"), "highest score first");
        for (JsonNode c : all.get("items")) {
            assertEquals(List.of("recurrence", "recovery", "spread", "severity", "burst", "novelty",
                    "periodicity", "routine", "memory"),
                    fieldNames(c.get("score_breakdown")));
            assertFalse(c.get("why_it_matters").asText().isBlank());
        }
        assertEquals(0, inspect("/candidates", "candidate_type", "self_heal").get("count").asInt());
        assertEquals(List.of("watch"), texts(inspect("/candidates", "decision_band", "watch"), "decision_band"));
        assertEquals(List.of("demo-tenant"), texts(inspect("/candidates", "decision_band", "ignore"), "tenant_id"));
        JsonNode strong = inspect("/candidates", "min_score_total", "0.2");
        assertEquals(List.of("acme"), texts(strong, "tenant_id"));
        assertTrue(strong.at("/items/0/score_total").asDouble() >= 0.2);
        assertEquals(2, inspect("/candidates", "min_score_total", "0").get("count").asInt());
        assertEquals(List.of("acme"), texts(inspect("/candidates", "tenant_id", "acme"), "tenant_id"));
    }

    @Test
    void candidatesRejectUnknownTypeBandAndNonNumericScore() {
        assertTrue(rejected("/candidates", "candidate_type", "weird").contains("self_heal"));
        assertTrue(rejected("/candidates", "decision_band", "panic").contains("urgent_human_review"));
        rejected("/candidates", "min_score_total", "abc");
        rejected("/candidates", "min_score_total", "1.5");
    }

    @Test
    void signaturesFilterByFamilyServiceAndMinimumCount() {
        JsonNode vpn = inspect("/signatures", "event_family", "vpn");
        assertEquals(List.of("vpn", "vpn"), texts(vpn, "event_family"));
        assertEquals(2, inspect("/signatures", "event_family", "VPN").get("count").asInt(), "any case");
        JsonNode charon = inspect("/signatures", "service", "charon", "tenant_id", "acme");
        assertEquals(1, charon.get("count").asInt());
        JsonNode sig = charon.get("items").get(0);
        assertEquals(2, sig.get("occurrence_count").asInt());
        assertTrue(sig.get("template").asText().contains("<*>"), sig.toString());
        assertEquals("[\"fw-01\"]", sig.get("hosts").toString());
        assertEquals(1, sig.get("distinct_host_count").asInt());
        assertEquals(2, inspect("/signatures", "min_occurrence_count", "2").get("count").asInt());
        assertEquals(0, inspect("/signatures", "min_occurrence_count", "3").get("count").asInt());
        assertEquals(4, inspect("/signatures", "limit", "10").get("count").asInt());
        List<Long> counts = new ArrayList<>();
        inspect("/signatures", "limit", "10").get("items").forEach(s -> counts.add(s.get("occurrence_count").asLong()));
        assertEquals(counts.stream().sorted(Comparator.reverseOrder()).toList(), counts,
                "most occurrences first");
    }

    @Test
    void signaturesRejectUnknownFamilyAndBadCount() {
        assertTrue(rejected("/signatures", "event_family", "weather").contains("vpn"));
        rejected("/signatures", "min_occurrence_count", "0");
        rejected("/signatures", "min_occurrence_count", "many");
    }

    @Test
    void canonicalEventsAreNewestFirstAndFilterBySeedParameters() {
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), ids(inspect("/canonical_events"), "event_id"));
        assertEquals(List.of(6L), ids(inspect("/canonical_events", "limit", "1"), "event_id"));
        assertEquals(List.of(4L), ids(inspect("/canonical_events", "tenant_id", "beta"), "event_id"));
        assertEquals(List.of(2L, 1L), ids(inspect("/canonical_events", "source", "fw-01"), "event_id"), "source_id");
        assertEquals(List.of(4L), ids(inspect("/canonical_events", "source", "/var/log/app.log"), "event_id"),
                "source_path");
        assertEquals(List.of(6L, 5L, 3L), ids(inspect("/canonical_events", "source", "syslog"), "event_id"),
                "source_type");
        assertEquals(List.of(3L), ids(inspect("/canonical_events", "host", "sw-01"), "event_id"));
        assertEquals(List.of(6L, 5L, 2L, 1L), ids(inspect("/canonical_events", "service", "charon"), "event_id"));
        assertEquals(List.of(2L, 1L), ids(inspect("/canonical_events", "severity", "err"), "event_id"));
        assertEquals(List.of(2L, 1L), ids(inspect("/canonical_events", "severity", "error"), "event_id"), "alias");
        JsonNode event = inspect("/canonical_events", "host", "sw-01").get("items").get(0);
        assertEquals("kernel", event.get("service").asText());
        assertEquals("warning", event.get("severity").asText());
        assertEquals("rfc3164", event.get("parser_name").asText());
        assertEquals("link", event.get("event_family").asText());
        assertEquals(3, event.get("raw_envelope_id").asInt());
        String signature = event.get("signature_id").asText();
        assertEquals(List.of(3L), ids(inspect("/canonical_events", "signature_id", signature), "event_id"));
        assertTrue(rejected("/canonical_events", "severity", "loud").contains("warning"));
    }

    @Test
    void statsCountEveryStatusAndSummarizeSources() {
        JsonNode stats = inspect("/stats");
        assertEquals(8, stats.get("received").asInt());
        assertEquals(6, stats.get("canonicalized").asInt());
        assertEquals(1, stats.get("parse_failed").asInt());
        assertEquals(1, stats.get("unsupported").asInt());
        assertEquals(0, stats.get("pending").asInt());
        assertEquals(2, stats.get("candidates_generated").asInt());
        assertEquals(4, stats.get("signatures").asInt());
        JsonNode summaries = stats.get("source_summaries");
        assertEquals(List.of("tenant_id", "source_type", "source_id", "source_name", "source_path", "host"),
                fieldNames(summaries));
        assertEquals("{\"value\":\"syslog\",\"count\":4}", summaries.at("/source_type/0").toString());
        assertEquals("{\"value\":\"acme\",\"count\":5}", summaries.at("/tenant_id/0").toString());
        assertTrue(stats.get("intake").isObject());
    }

    @Test
    void failuresListParseFailedAndUnsupportedAndEchoTheStatusFilter() {
        JsonNode failures = inspect("/failures");
        assertEquals(List.of(8L, 7L), ids(failures, "raw_envelope_id"));
        assertEquals(List.of("unsupported", "parse_failed"), texts(failures, "status"));
        assertTrue(failures.get("status").isNull());
        assertFalse(failures.at("/items/0/failure_reason").asText().isBlank());

        JsonNode parseFailed = inspect("/failures", "status", "parse_failed");
        assertEquals(List.of(7L), ids(parseFailed, "raw_envelope_id"));
        assertEquals("parse_failed", parseFailed.get("status").asText());
        assertEquals(6, inspect("/failures", "status", "canonicalized").get("count").asInt());
        assertTrue(rejected("/failures", "status", "lost").contains("parse_failed"));
    }

    @Test
    void oneFailureByIdOr404Or400() {
        JsonNode item = inspect("/failures/7").get("item");
        assertEquals(7, item.get("raw_envelope_id").asInt());
        assertEquals("parse_failed", item.get("status").asText());
        assertEquals("<999>garbage", item.get("message_raw").asText());
        assertEquals("syslog", item.get("parser_name").asText());
        assertEquals("canonicalized", inspect("/failures/1").at("/item/status").asText());
        assertError(get(client, "/failures/99", "db_path", DB), Status.NOT_FOUND_404, "not_found");
        assertError(get(client, "/failures/abc"), Status.BAD_REQUEST_400, "invalid_raw_envelope_id");
        assertError(get(client, "/failures/0"), Status.BAD_REQUEST_400, "invalid_raw_envelope_id");
    }

    @Test
    void rawEnvelopesFilterByStatusTenantAndSource() {
        assertEquals(List.of(8L), ids(inspect("/raw_envelopes", "status", "unsupported"), "raw_envelope_id"));
        assertEquals(List.of(4L), ids(inspect("/raw_envelopes", "tenant_id", "beta"), "raw_envelope_id"));
        assertEquals(List.of(4L, 2L, 1L), ids(inspect("/raw_envelopes", "source_type", "file"), "raw_envelope_id"));
        assertEquals(List.of(7L, 3L), ids(inspect("/raw_envelopes", "source_id", "sw-01"), "raw_envelope_id"));
        assertEquals(List.of(2L, 1L), ids(inspect("/raw_envelopes", "source_path", "/var/log/fw.log"),
                "raw_envelope_id"));
        assertEquals(List.of(7L, 3L), ids(inspect("/raw_envelopes", "tenant_id", "acme", "source_type", "syslog"),
                "raw_envelope_id"));
        JsonNode first = inspect("/raw_envelopes", "limit", "1").get("items").get(0);
        assertEquals(8, first.get("raw_envelope_id").asInt());
        assertEquals("snmp", first.get("source_type").asText());
        assertEquals(1, first.get("attempts").asInt());
        rejected("/raw_envelopes", "status", "gone");
    }

    @Test
    void recentIngestIsNewestFirst() {
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), ids(inspect("/ingest/recent"), "raw_envelope_id"));
        assertEquals(List.of(8L, 7L), ids(inspect("/ingest/recent", "limit", "2"), "raw_envelope_id"));
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), ids(inspect("/ingest/recent", "status", "canonicalized"),
                "raw_envelope_id"));
    }

    @Test
    void sourcesSummarizeEveryDimensionUpToTheLimit() {
        JsonNode sources = inspect("/sources", "limit", "1");
        assertEquals(1, sources.get("limit").asInt());
        JsonNode summaries = sources.get("source_summaries");
        assertEquals(List.of("tenant_id", "source_type", "source_id", "source_name", "source_path", "host"),
                fieldNames(summaries));
        summaries.forEach(values -> assertTrue(values.size() <= 1, summaries.toString()));
        assertEquals("{\"value\":\"fw-01\",\"count\":2}", summaries.at("/source_id/0").toString(), "ties by value");
        assertEquals(10, inspect("/sources").get("limit").asInt(), "default limit");
        assertEquals(3, inspect("/sources").at("/source_summaries/source_type").size());
    }

    @Test
    void sourceStatusCountsPerSourceAndFilters() {
        JsonNode all = inspect("/sources/status");
        assertEquals(5, all.get("count").asInt());
        long previous = Long.MAX_VALUE;
        for (JsonNode row : all.get("items")) {
            assertTrue(row.get("raw_count").asLong() <= previous, "most envelopes first");
            previous = row.get("raw_count").asLong();
        }
        JsonNode sw = inspect("/sources/status", "source_id", "sw-01").get("items");
        assertEquals(1, sw.size());
        JsonNode row = sw.get(0);
        assertEquals("acme", row.get("tenant_id").asText());
        assertEquals("syslog", row.get("source_type").asText());
        assertEquals(2, row.get("raw_count").asInt());
        assertEquals(1, row.get("canonicalized_count").asInt());
        assertEquals(1, row.get("parse_failed_count").asInt());
        assertEquals(0, row.get("unsupported_count").asInt());
        assertEquals(1, row.get("failed_count").asInt());
        assertFalse(row.get("last_received_at").isNull());
        assertEquals(3, inspect("/sources/status", "tenant_id", "acme").get("count").asInt());
        assertEquals(List.of("trap-01"), texts(inspect("/sources/status", "source_type", "snmp"), "source_id"));
        assertEquals(List.of("/var/log/app.log"), texts(inspect("/sources/status", "source_path", "/var/log/app.log"),
                "source_path"));
    }

    @Test
    void limitOutsideItsRangeIsA400GivingTheRange() {
        for (String path : List.of("/interesting", "/candidates", "/signatures", "/canonical_events", "/failures",
                "/raw_envelopes", "/ingest/recent", "/sources", "/sources/status")) {
            for (String limit : List.of("0", String.valueOf(MAX_LIMIT + 1), "abc", "-1")) {
                String message = rejected(path, "limit", limit);
                assertTrue(message.contains("between 1 and " + MAX_LIMIT), path + " " + message);
            }
            assertOk(get(client, path, "limit", String.valueOf(MAX_LIMIT)));
        }
    }

    @Test
    void wrongMethodIsAJson404() {
        assertError(post(client, "/stats", "{}"), Status.NOT_FOUND_404, "not_found");
        assertError(get(client, "/ingest/event"), Status.NOT_FOUND_404, "not_found");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
