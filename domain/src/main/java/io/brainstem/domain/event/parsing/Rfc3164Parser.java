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
 *       host-like (characters outside {@code [A-Za-z0-9._:-]}, a log level such as {@code INFO}). It may be
 *       the last token of the line ({@code <14>Aug 30 23:00:05 X4711}). Cisco ASA's {@code host : %ASA-...}
 *       lone colon is skipped.</li>
 *   <li>TAG ends at {@code :} followed by a space (or the end) or at {@code [pid]}. After a timestamp, as in
 *       rsyslog's pmrfc3164, a word ended by a space is a tag too ({@code host tag This msg}: tag
 *       {@code tag}) when it follows the previous header field after exactly one space and does not start a
 *       JSON or bracketed payload ({@code {}, {@code [}, {@code "}). Without a timestamp only {@code :} and
 *       {@code [pid]} mark a tag; a word with {@code =} is a field, not a tag ({@code date=2026-03-09 time=...}).
 *       A tag starting with {@code %} is read as a Cisco mnemonic as well.</li>
 * </ul>
 * A header with nothing after it ({@code <14>Aug 30 23:00:05 X4711}, {@code ... host sshd[1]:}) is a valid
 * line with an empty message; a line with neither a timestamp nor a message ({@code <13>}) is
 * {@link MalformedInput}.
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
        boolean markedTag = tagEnd >= 0;
        if (!markedTag && timestamp != null) {
            tagEnd = spaceEndedTagEnd(c.text(), tagStart, c.end());
        }
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
        if (message.isEmpty() && timestamp == null) {
            throw new MalformedInput("the syslog line has no header and no message text");
        }
        Map<String, Object> fields = sequence == null ? Map.of() : Map.of(SyslogMessage.CISCO_SEQUENCE, sequence);
        return new SyslogMessage(SyslogFormat.RFC3164, priority, timestamp, hostname, tag, pid, null,
                CiscoMnemonic.parse(tag), fields, message, markedTag);
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
        if (end == start || tagEnd(text, start, c.end()) >= 0 || !isHostname(text, start, end)) {
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

    /**
     * Where MSG starts when a tag ended by a space stands at {@code start} (rsyslog's rule: {@code host tag msg}):
     * a word of at most {@link #MAX_TAG_LENGTH} characters without {@code :} or {@code [}, that is the next
     * header field after a single space, not the start of a JSON or bracketed payload; -1 otherwise.
     */
    private static int spaceEndedTagEnd(String text, int start, int end) {
        int nameEnd = nameEnd(text, start, end);
        if (nameEnd == start || nameEnd - start > MAX_TAG_LENGTH || (nameEnd < end && !isSpace(text.charAt(nameEnd)))
                || start < 2 || text.charAt(start - 1) != ' ' || isSpace(text.charAt(start - 2))) {
            return -1;
        }
        char first = text.charAt(start);
        // a key=value word starts a message of fields (FortiGate's date=2026-03-09 time=...), it names no program
        return first == '{' || first == '"' || text.indexOf('=', start, nameEnd) >= 0 ? -1 : nameEnd;
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
