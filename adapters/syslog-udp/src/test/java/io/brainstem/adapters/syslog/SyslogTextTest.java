package io.brainstem.adapters.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SyslogTextTest {

    @Test
    void trailingLineEndsAndNulsAreFramingNotMessage() {
        assertEquals("<13>hi", decode("<13>hi\r\n\0\0"));
        assertEquals("", decode("\n"));
        assertEquals("<13>a\nb", decode("<13>a\nb"));
    }

    @Test
    void aBomBeforeThePriIsDroppedButNotOneInsideTheMessage() {
        assertEquals("<13>x", decode("\uFEFF<13>x"));
        assertEquals("<13>1 - - - - - - \uFEFFmsg", decode("<13>1 - - - - - - \uFEFFmsg"));
    }

    @Test
    void malformedUtf8IsReplacedNotRejected() {
        byte[] bytes = {'<', '1', '3', '>', (byte) 0xC3, (byte) 0x28, 'x'};
        assertEquals("<13>\uFFFD(x", SyslogText.decode(bytes, 0, bytes.length));
    }

    private static String decode(String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return SyslogText.decode(bytes, 0, bytes.length);
    }
}
