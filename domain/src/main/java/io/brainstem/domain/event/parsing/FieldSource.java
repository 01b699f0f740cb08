package io.brainstem.domain.event.parsing;

import java.util.Locale;

/**
 * Where a normalized field (timestamp, host, service, severity, facility) got its value; the wire name is
 * what {@code ParsedEvent.fieldSources()} records.
 */
public enum FieldSource {
    /** Sent explicitly by the client in the envelope; always wins. */
    CLIENT,
    /** Read from the line itself (syslog PRI, header, tag). */
    PARSED,
    /** Read from the severity digit of a Cisco-style mnemonic such as {@code %ASA-4-106023} (no PRI). */
    MNEMONIC,
    /** Mapped from the fields of a LogicMonitor alert. */
    LOGICMONITOR,
    /** The host fell back to the network address the message came from (syslog over UDP/TCP). */
    SENDER,
    /** The timestamp fell back to the time the envelope was received. */
    RECEIVED_AT,
    /** Nothing said anything; the documented default applies (severity notice, syslog facility user). */
    DEFAULT,
    /** No value at all (for host, service, facility). */
    NONE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
