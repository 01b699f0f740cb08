package io.brainstem.domain.event.parsing;

import static io.brainstem.domain.event.parsing.LineCursor.isSpace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]}, read
 * after the PRI. Strict on the header (a truncated or non-RFC-3339 header is {@link MalformedInput}),
 * lenient on spacing (several spaces separate fields like one) and on structured data that does not parse
 * (it stays in the message and {@link SyslogMessage#SD_ERROR} says why). A leading BOM is removed from
 * MSG. MSG is what follows the structured data: a line without MSG (legal in 5424) has an empty message, its
 * structured data is in the fields.
 */
final class Rfc5424Parser {

    private static final char BOM = '\uFEFF';

    SyslogMessage parse(LineCursor c, SyslogPriority priority) {
        c.number(1, 3);
        separator(c, "TIMESTAMP");
        Instant timestamp = null;
        if (!nil(c)) {
            int start = c.pos();
            timestamp = SyslogTimestamps.rfc3339(c);
            if (timestamp == null || !(c.atEnd() || isSpace(c.peek()))) {
                c.reset(start);
                throw new MalformedInput("RFC 5424 TIMESTAMP '" + clip(c.token())
                        + "' is neither '-' nor an RFC 3339 date-time");
            }
        }
        separator(c, "HOSTNAME");
        String hostname = nilOrToken(c);
        separator(c, "APP-NAME");
        String appName = nilOrToken(c);
        separator(c, "PROCID");
        String procId = nilOrToken(c);
        separator(c, "MSGID");
        String msgId = nilOrToken(c);
        separator(c, "STRUCTURED-DATA");

        Map<String, Object> fields = new LinkedHashMap<>();
        if (nil(c)) {
            c.consume(' ');
        } else {
            String error = c.peek() == '[' ? StructuredDataReader.read(c, fields)
                    : "STRUCTURED-DATA must be '-' or start with '['";
            if (error == null) {
                c.consume(' ');
            } else {
                fields.put(SyslogMessage.SD_ERROR, error);
            }
        }
        String message = c.rest();
        if (!message.isEmpty() && message.charAt(0) == BOM) {
            message = message.substring(1);
        }
        message = message.strip();
        return new SyslogMessage(SyslogFormat.RFC5424, priority, timestamp, hostname, appName, procId, msgId,
                null, fields, message, appName != null);
    }

    private static void separator(LineCursor c, String nextField) {
        if (c.skipSpaces() == 0 && !c.atEnd()) {
            throw new MalformedInput("RFC 5424 header: expected a space before " + nextField + " at '"
                    + clip(c.token()) + "'");
        }
        if (c.atEnd()) {
            throw new MalformedInput("the RFC 5424 header is truncated: " + nextField + " is missing");
        }
    }

    /** At a lone {@code -} (NILVALUE): moves past it and answers true. */
    private static boolean nil(LineCursor c) {
        if (c.peek() == '-' && (c.peek(1) == LineCursor.NO_CHAR || isSpace(c.peek(1)))) {
            c.advance(1);
            return true;
        }
        return false;
    }

    private static String nilOrToken(LineCursor c) {
        return nil(c) ? null : c.token();
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
