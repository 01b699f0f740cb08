package io.brainstem.domain.event.parsing;

import static io.brainstem.domain.event.parsing.LineCursor.isDigit;
import static io.brainstem.domain.event.parsing.LineCursor.isSpace;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * RFC 3164 as devices really send it, read after the (optional) PRI in one pass:
 * {@code [seq: ][TIMESTAMP[:] ][HOSTNAME [: ]][TAG[\[pid\]]: ]MSG}.
 * <ul>
 *   <li>TIMESTAMP is BSD ({@code Mmm dd hh:mm:ss}, optional year/fraction, see {@link SyslogTimestamps}) or
 *       RFC 3339 (rsyslog forwarding format). Without a timestamp, there is no hostname either (RFC 3164
 *       §4.3.3: the rest is MSG), but a tag is still looked for ({@code <164>%ASA-4-106023: ...},
 *       {@code <134>filterlog[1234]: ...}).</li>
 *   <li>HOSTNAME is the token after the timestamp, unless that token is itself a tag
 *       ({@code word:} / {@code word[pid]:} / {@code word[pid]}) – the hostname is missing then – or is not
 *       host-like (characters outside {@code [A-Za-z0-9._:-]}, a log level such as {@code INFO}), or is the
 *       last token of the line. Cisco ASA's {@code host : %ASA-...} lone colon is skipped.</li>
 *   <li>TAG ends at {@code :} followed by a space (or the end) or at {@code [pid]}; a token ending otherwise
 *       is the start of MSG. A tag starting with {@code %} is read as a Cisco mnemonic as well.</li>
 * </ul>
 * A header with no MSG after it is {@link MalformedInput} (a truncated line).
 */
final class Rfc3164Parser {

    private static final int MAX_TAG_LENGTH = 128;
    private static final int MAX_HOSTNAME_LENGTH = 255;
    private static final Set<String> LEVEL_WORDS = Set.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING",
            "ERROR", "ERR", "SEVERE", "CRIT", "CRITICAL", "FATAL", "ALERT", "EMERG");

    SyslogMessage parse(LineCursor c, SyslogPriority priority, Instant receivedAt) {
        c.skipSpaces();
        int headerStart = c.pos();
        String sequence = ciscoSequence(c);
        Instant timestamp = timestamp(c, receivedAt);
        if (timestamp == null && sequence != null) {
            c.reset(headerStart);
            sequence = null;
        }
        c.skipSpaces();
        String hostname = timestamp == null ? null : hostname(c);
        int tagStart = c.pos();
        int tagEnd = tagEnd(c.text(), tagStart, c.end());
        String tag = null;
        String pid = null;
        if (tagEnd >= 0) {
            int nameEnd = nameEnd(c.text(), tagStart, c.end());
            tag = c.text().substring(tagStart, nameEnd);
            if (c.charAt(nameEnd) == '[') {
                pid = c.text().substring(nameEnd + 1, c.text().indexOf(']', nameEnd));
                pid = pid.isEmpty() ? null : pid;
            }
            c.reset(tagEnd);
            c.skipSpaces();
        }
        String message = c.rest().strip();
        if (message.isEmpty()) {
            throw new MalformedInput("the syslog line has a header but no message text");
        }
        Map<String, Object> fields = sequence == null ? Map.of() : Map.of(SyslogMessage.CISCO_SEQUENCE, sequence);
        return new SyslogMessage(SyslogFormat.RFC3164, priority, timestamp, hostname, tag, pid, null,
                CiscoMnemonic.parse(tag), fields, message);
    }

    /** Cisco IOS {@code 000123: } before a timestamp; moves past it and answers the digits, else null. */
    private static String ciscoSequence(LineCursor c) {
        if (!isDigit(c.peek())) {
            return null;
        }
        int start = c.pos();
        int i = start;
        while (isDigit(c.charAt(i))) {
            i++;
        }
        if (c.charAt(i) != ':' || !isSpace(c.charAt(i + 1)) || i - start > 10) {
            return null;
        }
        c.reset(i + 1);
        c.skipSpaces();
        return c.text().substring(start, i);
    }

    /** A timestamp followed by an optional ':' and then a space or the end; else null, cursor unchanged. */
    private static Instant timestamp(LineCursor c, Instant receivedAt) {
        int start = c.pos();
        Instant timestamp = SyslogTimestamps.startsRfc3339(c) ? SyslogTimestamps.rfc3339(c)
                : SyslogTimestamps.bsd(c, receivedAt);
        if (timestamp == null) {
            return null;
        }
        c.consume(':');
        if (!c.atEnd() && !isSpace(c.peek())) {
            c.reset(start);
            return null;
        }
        return timestamp;
    }

    private static String hostname(LineCursor c) {
        String text = c.text();
        int start = c.pos();
        int end = c.tokenEnd();
        if (end >= c.end() || tagEnd(text, start, c.end()) >= 0 || !isHostname(text, start, end)) {
            return null;
        }
        c.reset(end);
        c.skipSpaces();
        if (c.peek() == ':' && (c.peek(1) == LineCursor.NO_CHAR || isSpace(c.peek(1)))) {
            c.advance(1);
            c.skipSpaces();
        }
        return text.substring(start, end);
    }

    /**
     * Where MSG starts when a tag stands at {@code start} ({@code name:}, {@code name[pid]:},
     * {@code name[pid]}, each followed by a space or the end); -1 when there is no tag.
     */
    private static int tagEnd(String text, int start, int end) {
        int nameEnd = nameEnd(text, start, end);
        if (nameEnd == start || nameEnd >= end || nameEnd - start > MAX_TAG_LENGTH) {
            return -1;
        }
        int i = nameEnd;
        if (text.charAt(i) == '[') {
            i++;
            while (i < end && text.charAt(i) != ']' && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= end || text.charAt(i) != ']') {
                return -1;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                i++;
            }
        } else if (text.charAt(i) == ':') {
            i++;
        } else {
            return -1;
        }
        return i >= end || isSpace(text.charAt(i)) ? i : -1;
    }

    private static int nameEnd(String text, int start, int end) {
        int i = start;
        while (i < end) {
            char ch = text.charAt(i);
            if (ch == ':' || ch == '[' || isSpace(ch)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isHostname(String text, int start, int end) {
        if (end - start > MAX_HOSTNAME_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char ch = text.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || isDigit(ch) || ch == '-'
                    || ch == '.' || ch == '_' || ch == ':';
            if (!ok) {
                return false;
            }
        }
        return !LEVEL_WORDS.contains(text.substring(start, end));
    }
}
