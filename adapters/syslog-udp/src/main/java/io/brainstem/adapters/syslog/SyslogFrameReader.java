package io.brainstem.adapters.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

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
 * is flagged {@link #truncated()}; {@link #frameBytes()} tells how long it was. An octet count above
 * {@code maxFrameBytes} is not trusted to delimit the frame ({@link #countOverLimit()}): the frame ends at the
 * count or at the first LF or NUL, whichever comes first, so a wrong count cannot swallow the lines after it.
 * A frame cut short by the end of the stream is returned as it is.
 *
 * <p>Buffers are taken when data arrives and let go while the connection is quiet between frames, so an idle
 * connection holds none. Not thread-safe: one reader per connection.
 */
final class SyslogFrameReader {

    private static final int MAX_LENGTH_DIGITS = 9;
    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final int FIRST_FRAME_BYTES = 1024;
    private static final byte[] EMPTY = new byte[0];

    private final InputStream in;
    private final int maxFrameBytes;
    private byte[] readBuffer;
    private int pos;
    private int limit;
    private byte[] frame = EMPTY;
    private int length;
    private long frameBytes;
    private boolean truncated;
    private boolean countOverLimit;

    SyslogFrameReader(InputStream in, int maxFrameBytes) {
        this.in = in;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Reads the next frame; false at the end of the stream. The frame is {@link #frame()}[0..{@link #length()}). */
    boolean next() throws IOException {
        length = 0;
        frameBytes = 0;
        truncated = false;
        countOverLimit = false;
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
                frameBytes = 0;
                readCounted(count);
                return true;
            }
            if (b < 0 || isTerminator(b)) {
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

    /** How many bytes the frame had as sent, kept or not. */
    long frameBytes() {
        return frameBytes;
    }

    /** Whether the frame's octet count was above the maximum (and so ended at a line end instead, if one came). */
    boolean countOverLimit() {
        return countOverLimit;
    }

    private void readCounted(long count) throws IOException {
        if (count > maxFrameBytes) {
            countOverLimit = true;
            int b;
            for (long left = count; left > 0 && (b = read()) >= 0 && !isTerminator(b); left--) {
                append(b);
            }
            return;
        }
        long left = count;
        while (left > 0) {
            if (pos == limit && !refill()) {
                return;
            }
            int n = (int) Math.min(left, limit - pos);
            ensureRoom(length + n);
            int keep = Math.min(n, frame.length - length);
            System.arraycopy(readBuffer, pos, frame, length, keep);
            length += keep;
            frameBytes += n;
            if (keep < n) {
                truncated = true;
            }
            pos += n;
            left -= n;
        }
    }

    private void append(int b) {
        frameBytes++;
        if (length < maxFrameBytes) {
            ensureRoom(length + 1);
            frame[length++] = (byte) b;
        } else {
            truncated = true;
        }
    }

    /** Grows the frame buffer towards {@code wanted} bytes, never beyond the maximum. */
    private void ensureRoom(int wanted) {
        if (wanted <= frame.length || frame.length == maxFrameBytes) {
            return;
        }
        int size = Math.max(frame.length * 2, Math.min(FIRST_FRAME_BYTES, maxFrameBytes));
        while (size < wanted && size < maxFrameBytes) {
            size *= 2;
        }
        frame = Arrays.copyOf(frame, Math.min(size, maxFrameBytes));
    }

    private int read() throws IOException {
        if (pos == limit && !refill()) {
            return -1;
        }
        return readBuffer[pos++] & 0xFF;
    }

    private boolean refill() throws IOException {
        if (readBuffer == null || in.available() <= 0) {
            return await();
        }
        int n = in.read(readBuffer, 0, readBuffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Nothing buffered and nothing ready: waits for one byte holding no buffer (none between frames). */
    private boolean await() throws IOException {
        readBuffer = null;
        if (length == 0) {
            frame = EMPTY;
        }
        int first = in.read();
        if (first < 0) {
            return false;
        }
        readBuffer = new byte[READ_BUFFER_BYTES];
        readBuffer[0] = (byte) first;
        int ready = Math.min(Math.max(0, in.available()), READ_BUFFER_BYTES - 1);
        int more = ready > 0 ? in.read(readBuffer, 1, ready) : 0;
        pos = 0;
        limit = 1 + Math.max(0, more);
        return true;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isTerminator(int b) {
        return b == '\n' || b == 0;
    }
}
