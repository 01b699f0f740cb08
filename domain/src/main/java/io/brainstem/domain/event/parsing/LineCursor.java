package io.brainstem.domain.event.parsing;

/** A position in one line, for the hand-written single-pass parsers. Not thread-safe; one per parse. */
final class LineCursor {

    static final char NO_CHAR = '\0';

    private final String text;
    private final int end;
    private int pos;

    LineCursor(String text, int pos) {
        this.text = text;
        this.end = text.length();
        this.pos = pos;
    }

    String text() {
        return text;
    }

    int pos() {
        return pos;
    }

    int end() {
        return end;
    }

    void reset(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** The current character, or {@link #NO_CHAR} at the end. */
    char peek() {
        return charAt(pos);
    }

    /** The character {@code offset} places ahead, or {@link #NO_CHAR} past the end. */
    char peek(int offset) {
        return charAt(pos + offset);
    }

    char charAt(int index) {
        return index >= 0 && index < end ? text.charAt(index) : NO_CHAR;
    }

    void advance(int count) {
        pos = Math.min(end, pos + count);
    }

    boolean consume(char expected) {
        if (pos < end && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    /** Skips spaces (and tabs); returns how many. */
    int skipSpaces() {
        int start = pos;
        while (pos < end && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    /** Index of the next space or tab at or after the cursor, or the end. */
    int tokenEnd() {
        int i = pos;
        while (i < end && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Reads the characters up to the next space (possibly none) and moves past them. */
    String token() {
        int start = pos;
        pos = tokenEnd();
        return text.substring(start, pos);
    }

    /**
     * Reads {@code min..max} decimal digits as a number; on fewer than {@code min} the cursor stays put and
     * the answer is -1. Stops after {@code max} digits even if more follow.
     */
    int number(int min, int max) {
        int start = pos;
        int value = 0;
        while (pos < end && pos - start < max) {
            char c = text.charAt(pos);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            pos++;
        }
        if (pos - start < min) {
            pos = start;
            return -1;
        }
        return value;
    }

    String rest() {
        return text.substring(pos);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
