package io.brainstem.domain.event.parsing;

import io.brainstem.domain.shared.DomainViolation;

/**
 * Whether an envelope's {@code message_raw} is text worth parsing. The UDP adapter decodes datagrams as
 * UTF-8 with replacement, so binary junk arrives as U+FFFD and control characters.
 * <ul>
 *   <li>Trailing line terminators and NULs (C strings from embedded devices) are dropped first.</li>
 *   <li>Blank: unusable. Any NUL left inside: unusable (the bytes were not text).</li>
 *   <li>More than a quarter of the characters U+FFFD or control characters (other than tab, CR, LF and ESC
 *       of ANSI colours): unusable, "mostly undecodable".</li>
 *   <li>Otherwise usable, even with a few U+FFFD (a Latin-1 device's umlauts); their count is reported so it
 *       can be kept as {@link #REPLACEMENT_CHARS}.</li>
 * </ul>
 * Long messages are kept whole: nothing is truncated.
 */
public sealed interface MessageText permits MessageText.Usable, MessageText.Unusable {

    /** Structured-field key for the number of U+FFFD in a usable message (only set when above 0). */
    String REPLACEMENT_CHARS = "parse.replacement_chars";

    record Usable(String text, int replacementChars) implements MessageText {
        public Usable {
            DomainViolation.requireText(text, "message text");
        }
    }

    record Unusable(String reason) implements MessageText {
        public Unusable {
            DomainViolation.requireText(reason, "reason");
        }
    }

    static MessageText check(String raw) {
        if (raw == null) {
            return new Unusable("message_raw is missing");
        }
        int end = raw.length();
        while (end > 0 && isTrailingJunk(raw.charAt(end - 1))) {
            end--;
        }
        String text = end == raw.length() ? raw : raw.substring(0, end);
        if (text.isBlank()) {
            return new Unusable("message_raw is empty");
        }
        int replacement = 0;
        int control = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                replacement++;
            } else if (c == '\0') {
                return new Unusable("message_raw contains NUL characters: the bytes received were not text");
            } else if ((c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\u001B')
                    || (c >= '\u007F' && c <= '\u009F')) {
                control++;
            }
        }
        if ((replacement + control) * 4L > end) {
            return new Unusable("message_raw is not text: " + (replacement + control) + " of its " + end
                    + " characters are undecodable bytes (U+FFFD) or control characters");
        }
        return new Usable(text, replacement);
    }

    private static boolean isTrailingJunk(char c) {
        return c == '\n' || c == '\r' || c == '\0';
    }
}
