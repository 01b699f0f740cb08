package io.brainstem.domain.event.parsing;

import static io.brainstem.domain.event.parsing.LineCursor.isDigit;

import io.brainstem.domain.envelope.ParserInfo;
import java.time.Instant;

/**
 * Reads one syslog line: the PRI (optional; strictly {@code <0>..<191>} when present), then RFC 5424 when a
 * version number and a space follow the PRI and a timestamp or {@code -} follows those, else RFC 3164 in the
 * forms devices really send. Hand-written, single pass, no regex; never throws for any string.
 */
public final class SyslogParser {

    /** Named on outcomes that fail before the framing is known (bad PRI). */
    public static final ParserInfo SYSLOG = new ParserInfo("syslog", "1.0.0");

    private final Rfc5424Parser rfc5424 = new Rfc5424Parser();
    private final Rfc3164Parser rfc3164 = new Rfc3164Parser();

    /**
     * @param receivedAt when the line arrived: the reference for a BSD timestamp's missing year
     */
    public SyslogParse parse(String line, Instant receivedAt) {
        LineCursor c = new LineCursor(line, 0);
        c.skipSpaces();
        SyslogFormat format = SyslogFormat.RFC3164;
        try {
            SyslogPriority priority = null;
            if (c.peek() == '<') {
                priority = priority(c);
                if (isRfc5424(c)) {
                    format = SyslogFormat.RFC5424;
                    return new SyslogParse.Parsed(rfc5424.parse(c, priority));
                }
            }
            return new SyslogParse.Parsed(rfc3164.parse(c, priority, receivedAt));
        } catch (MalformedPriority e) {
            return new SyslogParse.Malformed(SYSLOG, e.getMessage());
        } catch (MalformedInput e) {
            return new SyslogParse.Malformed(format.parser(), e.getMessage());
        }
    }

    private static SyslogPriority priority(LineCursor c) {
        int start = c.pos();
        c.advance(1);
        int digitsStart = c.pos();
        int value = 0;
        while (isDigit(c.peek())) {
            value = Math.min(value * 10 + (c.peek() - '0'), 100_000);
            c.advance(1);
        }
        int digits = c.pos() - digitsStart;
        char next = c.peek();
        String shown = Rfc5424Parser.clip(c.text().substring(start, Math.min(c.end(), c.pos() + 1)));
        if (digits == 0 && next == '>') {
            throw new MalformedPriority("the syslog PRI '<>' is empty; it must be a number 0..191");
        }
        if (digits == 0) {
            throw new MalformedPriority("the syslog PRI '" + shown + "' is not a number; it must be <0>..<191>");
        }
        if (digits > 3) {
            throw new MalformedPriority("the syslog PRI '" + shown + "' has more than 3 digits; it must be 0..191");
        }
        if (next == LineCursor.NO_CHAR || LineCursor.isSpace(next)) {
            throw new MalformedPriority("the syslog PRI '" + shown.strip() + "' is not closed by '>'");
        }
        if (next != '>') {
            throw new MalformedPriority("the syslog PRI '" + shown + "' contains non-digits; it must be <0>..<191>");
        }
        if (value > SyslogPriority.MAX) {
            throw new MalformedPriority("the syslog PRI <" + value + "> is out of range; it must be 0..191");
        }
        c.advance(1);
        return SyslogPriority.of(value);
    }

    /** {@code 1..999 SP (digit | '-')}: an RFC 5424 VERSION followed by a TIMESTAMP or NILVALUE. */
    private static boolean isRfc5424(LineCursor c) {
        int i = 0;
        if (c.peek() < '1' || c.peek() > '9') {
            return false;
        }
        while (i < 3 && isDigit(c.peek(i))) {
            i++;
        }
        char after = c.peek(i + 1);
        return c.peek(i) == ' ' && (isDigit(after) || after == '-');
    }

    /** A PRI that is not one: rejected before the framing is known. */
    private static final class MalformedPriority extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedPriority(String reason) {
            super(reason, null, false, false);
        }
    }
}
