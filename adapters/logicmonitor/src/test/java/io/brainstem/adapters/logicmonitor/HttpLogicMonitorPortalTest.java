package io.brainstem.adapters.logicmonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brainstem.application.port.out.LogicMonitorPortal.AlertPage;
import io.brainstem.application.port.out.PortalException;
import io.brainstem.domain.alert.AlertReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The portal client against the fake portal over real HTTP. */
class HttpLogicMonitorPortalTest {

    private static final long T0 = Instant.parse("2026-03-22T00:00:00Z").getEpochSecond();

    private final FakeLogicMonitorPortal fake = new FakeLogicMonitorPortal();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpLogicMonitorPortal portal(String accessKey, Duration requestTimeout) {
        LogicMonitorPortalSettings settings = LogicMonitorPortalSettings.forBaseUrl(fake.baseUrl(), "acme",
                FakeLogicMonitorPortal.ACCESS_ID, accessKey).withLimits(Duration.ofSeconds(2), requestTimeout, 3,
                Duration.ofMillis(100), Duration.ofSeconds(5));
        return new HttpLogicMonitorPortal(settings, Clock.systemUTC(), waits::add);
    }

    private HttpLogicMonitorPortal portal() {
        return portal(FakeLogicMonitorPortal.ACCESS_KEY, Duration.ofSeconds(5));
    }

    @Test
    void everyRequestIsSignedWithLmv1AndAsksForVersion3InStartOrder() {
        fake.raise("DS1", T0, 4, "edge-fw-01", "IPSec Tunnel", "site-b");
        AlertPage page = portal().alerts(Instant.ofEpochSecond(T0), 0, 1_000);
        assertEquals(List.of(), fake.problems());
        assertEquals(1, page.alerts().size());
        assertEquals(1, page.requests());
        String request = fake.requests().getFirst();
        assertTrue(request.startsWith("/santaba/rest/alert/alerts?filter=startEpoch>:\"" + T0 + "\",cleared:\"*\""),
                request);
        assertTrue(request.contains("&size=1000&offset=0&sort=+startEpoch"), request);
    }

    @Test
    void anAlertIsReadWithItsLevelResourceDatasourceInstanceAndFields() {
        fake.raise("DS998877", T0, 4, "edge-fw-01", "IPSec Tunnel", "site-b");
        fake.clear("DS998877", T0 + 32);
        AlertReport a = portal().alerts(Instant.ofEpochSecond(T0), 0, 10).alerts().getFirst();
        assertEquals("DS998877", a.alertId());
        assertEquals(Instant.ofEpochSecond(T0), a.startedAt());
        assertEquals(Optional.of(Instant.ofEpochSecond(T0 + 32)), a.clearedAt());
        assertEquals("edge-fw-01", a.host());
        assertEquals("4", a.severity());
        assertEquals("12345", a.resourceId());
        assertEquals("IPSec Tunnel site-b on edge-fw-01 is down", a.message());
        assertEquals("IPSec Tunnel", a.fields().get("datasource"));
        assertEquals("site-b", a.fields().get("instance"));
        assertEquals("TunnelState", a.fields().get("datapoint"));
        assertEquals("dataSourceAlert", a.fields().get("alert_type"));
        assertEquals("0", a.fields().get("alert_value"));
        assertEquals("= 0", a.fields().get("threshold"));
        assertEquals("acme", a.metadata().get("portal"));
    }

    @Test
    void pagesFollowOffsetAndTheFilterOnStart() {
        for (int i = 0; i < 25; i++) {
            fake.raise("DS" + i, T0 + i, 2, "host-" + i, "Ping", null);
        }
        AlertPage second = portal().alerts(Instant.ofEpochSecond(T0 + 5), 10, 10);
        assertEquals(20, second.total());
        assertEquals(10, second.alerts().size());
        assertEquals("DS15", second.alerts().getFirst().alertId());
        assertEquals("DS24", second.alerts().getLast().alertId());
    }

    @Test
    void a429WaitsAsTheRateLimitWindowSaysAndGoesOn() {
        fake.raise("DS1", T0, 3, "edge-fw-01", "IPSec Tunnel", "site-b");
        fake.rateLimitNext(1);
        AlertPage page = portal().alerts(Instant.ofEpochSecond(T0), 0, 100);
        assertEquals(1, page.alerts().size());
        assertEquals(2, page.requests());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithADoublingBackoff() {
        fake.raise("DS1", T0, 3, "edge-fw-01", "IPSec Tunnel", "site-b");
        fake.failNext(2);
        AlertPage page = portal().alerts(Instant.ofEpochSecond(T0), 0, 100);
        assertEquals(3, page.requests());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);

        waits.clear();
        fake.slowNext(1, Duration.ofMillis(1_500));
        AlertPage afterTimeout = portal(FakeLogicMonitorPortal.ACCESS_KEY, Duration.ofMillis(300))
                .alerts(Instant.ofEpochSecond(T0), 0, 100);
        assertEquals(2, afterTimeout.requests());
        assertEquals(1, afterTimeout.alerts().size());
    }

    @Test
    void aPortalThatKeepsFailingIsUnavailableAfterTheLastAttempt() {
        fake.failNext(10);
        PortalException e = assertThrows(PortalException.class,
                () -> portal().alerts(Instant.ofEpochSecond(T0), 0, 100));
        assertEquals(PortalException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("after 3 attempts") && e.getMessage().contains("HTTP 503"),
                e.getMessage());
        assertEquals(3, fake.requests().size());
    }

    @Test
    void refusedCredentialsNameTheSettingsAndNeverTheKey() {
        String wrongKey = "not-the-key-Zx81";
        PortalException e = assertThrows(PortalException.class,
                () -> portal(wrongKey, Duration.ofSeconds(5)).alerts(Instant.ofEpochSecond(T0), 0, 100));
        assertEquals(PortalException.Reason.UNAUTHORIZED, e.reason());
        assertTrue(e.getMessage().contains("BRAINSTEM_LM_ACCESS_ID")
                && e.getMessage().contains("BRAINSTEM_LM_ACCESS_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(wrongKey));
        assertEquals(1, fake.requests().size(), "a 401 is not retried");
        assertFalse(LogicMonitorPortalSettings.forBaseUrl(fake.baseUrl(), "acme", "id", wrongKey).toString()
                .contains(wrongKey));
    }

    @Test
    void theSignatureIsBase64OfTheLowerCaseHexOfTheHmac() {
        // printf 'GET1700000000000/alert/alerts' | openssl dgst -sha256 -hmac key
        String signature = Lmv1Signature.signature("key", "GET", 1_700_000_000_000L, "", "/alert/alerts");
        String hex = new String(java.util.Base64.getDecoder().decode(signature),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(hex.matches("[0-9a-f]{64}"), hex);
        assertEquals("7ad3d2d275a90f8c6f73f7e7f478babe2793ead0fe0143712283d3044b997968", hex);
    }

    @Test
    void aCompanyIsItsPortalUrlAndABadOneIsRefused() {
        assertEquals("https://acme.logicmonitor.com/santaba/rest",
                LogicMonitorPortalSettings.companyUrl("acme").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogicMonitorPortalSettings.companyUrl("acme.evil.com/x"));
        assertTrue(e.getMessage().contains("BRAINSTEM_LM_COMPANY"), e.getMessage());
    }
}
