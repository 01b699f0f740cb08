/**
 * Canonicalization: one parser per source type turns an envelope's message into the fields of a
 * {@link io.brainstem.domain.event.ParsedEvent}; {@link io.brainstem.domain.event.Canonicalizer} is the
 * entry point. Pure JDK, no regex on the hot path, time passed in.
 *
 * <h2>Parsers (name, version) recorded on every outcome</h2>
 * <ul>
 *   <li>{@code rfc5424 1.1.0}, {@code rfc3164 1.1.0}: a syslog line, by its framing ({@link SyslogParser}); 1.1.0
 *       reads headers as rsyslog does (space-ended tags, header-only lines, MSG after structured data).</li>
 *   <li>{@code syslog 1.0.0}: a syslog envelope rejected before the framing is known (blank, not text, bad PRI).</li>
 *   <li>{@code file-line 1.0.0}: a file line that is not itself a syslog line ({@link FileSourceParser}).</li>
 *   <li>{@code logicmonitor 1.0.0}: a LogicMonitor alert ({@link LogicMonitorSourceParser}).</li>
 *   <li>{@code canonicalizer 1.0.0}: unknown source type (Unsupported), missing content.</li>
 * </ul>
 *
 * <h2>fieldSources</h2>
 * Always the five keys {@code timestamp, host, service, severity, facility}, each one of {@code client},
 * {@code parsed}, {@code mnemonic} (severity digit of {@code %ASA-4-...} without PRI), {@code logicmonitor},
 * {@code sender} (host from the network address a syslog listener recorded in metadata {@code sender_address}), {@code received_at}, {@code default} (severity notice; syslog facility user), {@code none} (no value).
 * When the client sent a severity or facility brainstem does not know, the envelope is not failed: the
 * parsed/default value is used and the text sent is added under {@code severity_client_unrecognized} /
 * {@code facility_client_unrecognized}. See {@link EventAssembler}.
 *
 * <h2>Structured-field keys</h2>
 * <ul>
 *   <li>{@code sd.<SD-ID>.<PARAM>}: RFC 5424 structured data, flat, unescaped; a repeated parameter is a
 *       list; an element without parameters is {@code sd.<SD-ID>} = true. The message is what follows the
 *       structured data. {@code syslog.sd_error}: why it could not be read (it then stays in the message).</li>
 *   <li>{@code syslog.procid}, {@code syslog.msgid}: RFC 5424 PROCID/MSGID, RFC 3164 {@code tag[pid]}.</li>
 *   <li>{@code cisco.facility}, {@code cisco.severity} (int), {@code cisco.mnemonic},
 *       {@code cisco.sequence}: from {@code 123: ... %ASA-4-106023:}; the whole mnemonic is the service.</li>
 *   <li>{@code parse.replacement_chars}: how many U+FFFD a still-readable message contains.</li>
 *   <li>LogicMonitor: every alert field as sent, plus {@code alert_id}, {@code alert_status},
 *       {@code started_at}, {@code cleared_at}, {@code datasource}, {@code instance}, {@code datapoint}.</li>
 *   <li>The client's own structured fields are kept and win on a clash of keys.</li>
 * </ul>
 *
 * <h2>Lenient and strict</h2>
 * Lenient where devices are sloppy: no PRI (user.notice), no timestamp, no hostname, odd spacing,
 * space-padded days, a year or fraction in BSD timestamps, RFC 3339 inside a 3164 frame, trailing NULs and
 * newlines, unparseable 5424 structured data (kept in the message), a few U+FFFD. Strict where the data is
 * garbage: blank, NUL inside, more than a quarter undecodable/control characters, a PRI that is not
 * {@code <0>..<191>}, impossible dates, a truncated RFC 5424 header, a PRI with neither a timestamp nor a
 * message, a client timestamp that is neither RFC 3339 nor epoch. A header with no message after it
 * ({@code <14>Aug 30 23:00:05 X4711}, a whole RFC 5424 header) is valid: the event's message is empty (the
 * miner's template {@code <empty>}). RFC 3164 tags end at {@code :}, {@code [pid]} or, after a timestamp, a
 * space, as in rsyslog ({@link Rfc3164Parser}). BSD timestamps carry no zone and are read as UTC; their year
 * is inferred from the reception time ({@link SyslogTimestamps#inferYear}). Messages are never truncated.
 */
package io.brainstem.domain.event.parsing;
