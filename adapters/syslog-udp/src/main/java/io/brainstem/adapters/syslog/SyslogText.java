package io.brainstem.adapters.syslog;

import java.nio.charset.StandardCharsets;

/** Bytes of one syslog message to the text stored as {@code message_raw}. */
final class SyslogText {

    private SyslogText() {
    }

    /**
     * UTF-8 with malformed input replaced by U+FFFD (garbage then reads as mostly U+FFFD and the
     * canonicalizer fails it as {@code parse_failed}). Trailing LF, CR and NUL are framing, not message:
     * they are left out. A UTF-8 BOM before the PRI is left out too: the parser looks for {@code <} first
     * (the BOM RFC 5424 allows before MSG is the parser's business and stays).
     */
    static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        while (end > offset && isTrailingJunk(bytes[end - 1])) {
            end--;
        }
        int start = offset;
        if (end - start >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB
                && bytes[start + 2] == (byte) 0xBF) {
            start += 3;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    private static boolean isTrailingJunk(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }
}
