package io.brainstem.domain.event.parsing;

import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One syslog line taken apart. Everything but {@code format} and {@code message} may be null: no PRI, no
 * timestamp, no hostname, no tag...
 *
 * @param appName      RFC 5424 APP-NAME or the RFC 3164 TAG (program), e.g. {@code charon}, {@code %ASA-4-106023}
 * @param procId       RFC 5424 PROCID or the {@code [pid]} of an RFC 3164 tag
 * @param msgId        RFC 5424 MSGID
 * @param mnemonic     a Cisco-style mnemonic found in the tag
 * @param fields       structured data ({@code sd.<id>.<param>}) and vendor fields read from the header
 * @param message      the MSG with the header stripped; empty for a header-only line
 * @param markedTag    whether the tag was ended by {@code :} or {@code [pid]} (RFC 5424: whether there is an
 *                     APP-NAME), not only by a space
 */
public record SyslogMessage(
        SyslogFormat format,
        SyslogPriority priority,
        Instant timestamp,
        String hostname,
        String appName,
        String procId,
        String msgId,
        CiscoMnemonic mnemonic,
        Map<String, Object> fields,
        String message,
        boolean markedTag) {

    /** Structured-field key of the process id (5424 PROCID, 3164 {@code tag[pid]}). */
    public static final String PROCID = "syslog.procid";
    /** Structured-field key of the RFC 5424 MSGID. */
    public static final String MSGID = "syslog.msgid";
    /** Structured-field keys of a Cisco-style mnemonic {@code %ASA-4-106023}: ASA, 4, 106023. */
    public static final String CISCO_FACILITY = "cisco.facility";
    public static final String CISCO_SEVERITY = "cisco.severity";
    public static final String CISCO_MNEMONIC = "cisco.mnemonic";
    /** Structured-field key of a Cisco IOS sequence number ({@code <189>123: *Mar  1 ...}). */
    public static final String CISCO_SEQUENCE = "cisco.sequence";
    /** Structured-field key of the reason RFC 5424 structured data could not be read (it stays in the message). */
    public static final String SD_ERROR = "syslog.sd_error";

    public SyslogMessage {
        DomainViolation.requirePresent(format, "syslog format");
        DomainViolation.requirePresent(message, "message");
        fields = fields == null || fields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * What this line says about the event: severity and facility from the PRI ({@code parsed}); without a
     * PRI the severity digit of a Cisco mnemonic ({@code mnemonic}) or user.notice ({@code default}).
     */
    public Extraction.Found toExtraction() {
        Sourced<Severity> severity;
        Sourced<String> facility;
        if (priority != null) {
            severity = Sourced.of(priority.severity(), FieldSource.PARSED);
            facility = Sourced.of(priority.facility().wireName(), FieldSource.PARSED);
        } else {
            severity = mnemonic != null ? Sourced.of(mnemonic.severity(), FieldSource.MNEMONIC)
                    : Sourced.of(Severity.NOTICE, FieldSource.DEFAULT);
            facility = Sourced.of(SyslogFacility.USER.wireName(), FieldSource.DEFAULT);
        }
        return new Extraction.Found(format.parser(), Sourced.of(timestamp, FieldSource.PARSED),
                Sourced.of(hostname, FieldSource.PARSED), Sourced.of(appName, FieldSource.PARSED), severity,
                facility, message, structuredFields());
    }

    /** {@link #fields()} plus {@link #PROCID}, {@link #MSGID} and the {@code cisco.*} keys when present. */
    public Map<String, Object> structuredFields() {
        if (procId == null && msgId == null && mnemonic == null) {
            return fields;
        }
        Map<String, Object> all = new LinkedHashMap<>(fields.size() + 6);
        if (procId != null) {
            all.put(PROCID, procId);
        }
        if (msgId != null) {
            all.put(MSGID, msgId);
        }
        if (mnemonic != null) {
            all.put(CISCO_FACILITY, mnemonic.facility());
            all.put(CISCO_SEVERITY, mnemonic.severity().code());
            all.put(CISCO_MNEMONIC, mnemonic.mnemonic());
        }
        all.putAll(fields);
        return all;
    }
}
