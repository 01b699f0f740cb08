package io.brainstem.adapters.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.domain.envelope.EnvelopeStatus;
import io.brainstem.domain.envelope.RawEnvelope;
import io.brainstem.domain.event.CanonicalEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** util-linux {@code logger} as a real device would send: RFC 3164 and 5424 over UDP, octet counting over TCP. */
class LoggerInteropTest {

    private static final Path LOGGER = Path.of("/usr/bin/logger");
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final SyslogIntakeFixture fixture = new SyslogIntakeFixture();

    @BeforeAll
    static void loggerIsInstalled() {
        assumeTrue(Files.isExecutable(LOGGER), "util-linux logger not installed");
    }

    @Test
    void rfc3164AndRfc5424OverUdpArrive() throws Exception {
        try (SyslogUdpListener udp = SyslogUdpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(),
                null)) {
            int port = udp.address().getPort();
            logger("--udp", port, "--rfc3164", "-t", "sshd", "-p", "auth.warning",
                    "Failed password for root from 10.1.2.3 port 5022");
            logger("--udp", port, "--rfc5424", "-t", "bgpd", "-p", "local4.err", "--msgid", "ADJ",
                    "neighbor 10.0.0.2 Down");
            Eventually.await("2 stored", () -> udp.counters().get("stored") == 2, udp::counters);
        }
        java.util.Map<String, CanonicalEvent> byService = events(2).stream()
                .collect(java.util.stream.Collectors.toMap(CanonicalEvent::service, e -> e));
        assertEquals("Failed password for root from 10.1.2.3 port 5022", byService.get("sshd").message());
        assertEquals("neighbor 10.0.0.2 Down", byService.get("bgpd").message());
        assertEquals("ADJ", byService.get("bgpd").structuredFields().get("syslog.msgid"));
    }

    @Test
    void octetCountedTcpArrives() throws Exception {
        try (SyslogTcpListener tcp = SyslogTcpListener.start(ANY_PORT, fixture.ingest, SyslogIntakeFixture.settings(),
                null)) {
            int port = tcp.address().getPort();
            logger("--tcp", port, "--octet-count", "-t", "vpn", "tunnel 17 to 198.51.100.4 re-keyed");
            logger("--tcp", port, "--octet-count", "--rfc3164", "-t", "link", "Gi1/0/3 changed state to up");
            Eventually.await("2 stored", () -> tcp.counters().get("stored") == 2, tcp::counters);
        }
        // two logger runs are two TCP connections: their messages may be stored in either order
        assertEquals(java.util.Set.of("tunnel 17 to 198.51.100.4 re-keyed", "Gi1/0/3 changed state to up"),
                events(2).stream().map(CanonicalEvent::message).collect(java.util.stream.Collectors.toSet()));
    }

    private List<CanonicalEvent> events(int n) {
        List<RawEnvelope> stored = fixture.envelopes();
        assertEquals(n, stored.size());
        List<CanonicalEvent> events = new ArrayList<>();
        for (RawEnvelope e : stored) {
            assertEquals(EnvelopeStatus.CANONICALIZED, e.status(),
                    () -> e.content().messageRaw() + " -> " + e.failureReason().orElse(""));
            events.add(fixture.event(e).orElseThrow());
        }
        return events;
    }

    private static void logger(String transport, int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LOGGER.toString(), "--server", "127.0.0.1", "--port",
                Integer.toString(port), transport));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "logger did not finish");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), () -> "logger failed: " + output);
    }
}
