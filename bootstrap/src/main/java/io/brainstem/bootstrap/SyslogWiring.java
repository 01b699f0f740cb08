package io.brainstem.bootstrap;

import io.brainstem.adapters.syslog.SyslogIntakeSettings;
import io.brainstem.adapters.syslog.SyslogJsonLines;
import io.brainstem.adapters.syslog.SyslogTcpListener;
import io.brainstem.adapters.syslog.SyslogUdpListener;
import io.brainstem.application.port.in.IngestEventsUseCase;
import io.brainstem.domain.envelope.EnvelopeContent;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts the syslog listeners the settings ask for: UDP on {@code syslogUdpPort}, TCP on
 * {@code syslogTcpPort} (0 = off), both on {@code syslogHost}, envelopes for the default tenant with
 * source id {@code syslog}. Each channel's counters are registered as {@code syslog_udp} / {@code syslog_tcp}.
 */
public final class SyslogWiring {

    private SyslogWiring() {
    }

    /** The running listeners; closing stops receiving, commits what is queued, then returns. */
    public static final class Running implements AutoCloseable {
        private final SyslogUdpListener udp;
        private final SyslogTcpListener tcp;

        private Running(SyslogUdpListener udp, SyslogTcpListener tcp) {
            this.udp = udp;
            this.tcp = tcp;
        }

        public Optional<InetSocketAddress> udpAddress() {
            return Optional.ofNullable(udp).map(SyslogUdpListener::address);
        }

        public Optional<InetSocketAddress> tcpAddress() {
            return Optional.ofNullable(tcp).map(SyslogTcpListener::address);
        }

        /** One line for the console, e.g. "syslog udp://127.0.0.1:5514, tcp off". */
        public String describe() {
            return "syslog " + udpAddress().map(a -> "udp://" + a.getHostString() + ":" + a.getPort()).orElse("udp off")
                    + ", " + tcpAddress().map(a -> "tcp://" + a.getHostString() + ":" + a.getPort()).orElse("tcp off");
        }

        @Override
        public void close() {
            // both stop receiving first (in parallel would be faster; sequential keeps it simple)
            if (udp != null) {
                udp.close();
            }
            if (tcp != null) {
                tcp.close();
            }
        }
    }

    /** The transport a channel's meters are tagged with: {@code syslog_udp} → {@code udp}. */
    static String transport(String channel) {
        return channel.startsWith("syslog_") ? channel.substring("syslog_".length()) : channel;
    }

    /** {@code serve}: starts the enabled listeners, registering their counters with {@code registrar}. */
    public static Running start(BrainstemSettings settings, IngestEventsUseCase ingest,
            BiConsumer<String, Supplier<Map<String, Long>>> registrar) {
        return start(settings, ingest, registrar, false);
    }

    /**
     * {@code listen}: as {@link #start(BrainstemSettings, IngestEventsUseCase, BiConsumer)}; with
     * {@code emitStdout} every committed envelope is also printed to stdout as one JSON line
     * ({@link SyslogJsonLines}).
     */
    public static Running start(BrainstemSettings settings, IngestEventsUseCase ingest,
            BiConsumer<String, Supplier<Map<String, Long>>> registrar, boolean emitStdout) {
        SyslogIntakeSettings intake = SyslogIntakeSettings.defaults(settings.defaultTenant())
                .withMaxFrameBytes(settings.messageCap().maxBytes())
                .withTcpConnections(settings.connections().syslogTcpIdleTimeout(),
                        settings.connections().syslogTcpMaxConnections());
        Consumer<List<EnvelopeContent>> onCommitted = emitStdout ? SyslogJsonLines.printer(System.out) : null;
        List<AutoCloseable> started = new ArrayList<>();
        try {
            SyslogUdpListener udp = null;
            SyslogTcpListener tcp = null;
            if (settings.syslogUdpPort() != BrainstemSettings.OFF) {
                udp = SyslogUdpListener.start(new InetSocketAddress(settings.syslogHost(), settings.syslogUdpPort()),
                        ingest, intake, onCommitted);
                started.add(udp);
                registrar.accept(SyslogUdpListener.CHANNEL, udp::counters);
            }
            if (settings.syslogTcpPort() != BrainstemSettings.OFF) {
                tcp = SyslogTcpListener.start(new InetSocketAddress(settings.syslogHost(), settings.syslogTcpPort()),
                        ingest, intake, onCommitted);
                started.add(tcp);
                registrar.accept(SyslogTcpListener.CHANNEL, tcp::counters);
            }
            return new Running(udp, tcp);
        } catch (RuntimeException e) {
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
