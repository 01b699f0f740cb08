package io.brainstem.adapters.syslog;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a syslog TCP stream into messages (RFC 6587), deciding per frame:
 * <ul>
 *   <li><b>Octet counting</b> {@code MSG-LEN SP MSG}: the frame starts with a digit and 1–9 digits are
 *       followed by a space.</li>
 *   <li><b>Non-transparent framing</b>: otherwise the frame runs up to LF or NUL (a CR before it is dropped
 *       when the frame is decoded). Digits not followed by a space are simply the start of such a line.</li>
 * </ul>
 * Line terminators, CR and NUL between frames are skipped. A frame longer than {@code maxFrameBytes} keeps
 * its first {@code maxFrameBytes} bytes, the rest is read and discarded so framing stays in step, and the frame
 * is flagged {@link #truncated()}. A frame cut short by the end of the stream is returned as it is.
 * Not thread-safe: one reader per connection.
 */
final class SyslogFrameReader {

    private static final int MAX_LENGTH_DIGITS = 9;

    private final InputStream in;
    private final byte[] readBuffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    private final byte[] frame;
    private int length;
    private boolean truncated;

    SyslogFrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.frame = new byte[maxFrameBytes];
    }

    /** Reads the next frame; false at the end of the stream. The frame is {@link #frame()}[0..{@link #length()}). */
    boolean next() throws IOException {
        length = 0;
        truncated = false;
        int b;
        do {
            b = read();
        } while (b == '\n' || b == '\r' || b == 0);
        if (b < 0) {
            return false;
        }
        if (isDigit(b)) {
            long count = b - '0';
            int digits = 1;
            append(b);
            while (isDigit(b = read()) && digits < MAX_LENGTH_DIGITS) {
                count = count * 10 + (b - '0');
                digits++;
                append(b);
            }
            if (b == ' ') {
                length = 0;
                readCounted(count);
                return true;
            }
            if (b < 0) {
                return true;
            }
            if (isTerminator(b)) {
                return true;
            }
            append(b);
        } else {
            append(b);
        }
        while ((b = read()) >= 0 && !isTerminator(b)) {
            append(b);
        }
        return true;
    }

    byte[] frame() {
        return frame;
    }

    int length() {
        return length;
    }

    /** Whether the frame was longer than the maximum and only its start is in {@link #frame()}. */
    boolean truncated() {
        return truncated;
    }

    private void readCounted(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (pos == limit && !refill()) {
                return;
            }
            int n = (int) Math.min(left, limit - pos);
            int keep = Math.min(n, frame.length - length);
            System.arraycopy(readBuffer, pos, frame, length, keep);
            length += keep;
            if (keep < n) {
                truncated = true;
            }
            pos += n;
            left -= n;
        }
    }

    private void append(int b) {
        if (length < frame.length) {
            frame[length++] = (byte) b;
        } else {
            truncated = true;
        }
    }

    private int read() throws IOException {
        if (pos == limit && !refill()) {
            return -1;
        }
        return readBuffer[pos++] & 0xFF;
    }

    private boolean refill() throws IOException {
        int n = in.read(readBuffer, 0, readBuffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isTerminator(int b) {
        return b == '\n' || b == 0;
    }
}
