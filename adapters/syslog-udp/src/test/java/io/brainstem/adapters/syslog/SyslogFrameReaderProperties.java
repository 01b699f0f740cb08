package io.brainstem.adapters.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the TCP syslog framer (RFC 6587; issue 16): frames written by octet counting or by a line feed, in any
 * mix and split across reads at any point, read back exactly; any bytes at all end in frames no longer than the limit
 * and never in an exception.
 */
class SyslogFrameReaderProperties {

    @Provide
    Arbitrary<String> messages() {
        // a non-transparent frame starts with '<' (the PRI), as every syslog message does, and holds no LF or NUL
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\u00e9', '\u4e2d').ofMaxLength(200)
                .map(s -> "<14>" + s);
    }

    /** An input stream that hands out at most {@code chunk} bytes per read, as a slow sender's packets arrive. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - i);
                System.arraycopy(bytes, i, b, off, n);
                i += n;
                return n;
            }
        };
    }

    private static List<String> frames(InputStream in, int max) throws IOException {
        SyslogFrameReader reader = new SyslogFrameReader(in, max);
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            assertTrue(reader.length() <= max, "a frame never exceeds the limit");
            out.add(new String(reader.frame(), 0, reader.length(), UTF_8));
        }
        return out;
    }

    @Property(tries = 500)
    void framesInAnyMixOfFramingsAndReadsComeBackExactly(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("messages") String> messages,
            @ForAll @Size(max = 30) List<Boolean> octetCounted, @ForAll @IntRange(min = 1, max = 64) int chunk)
            throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            byte[] bytes = messages.get(i).getBytes(UTF_8);
            if (i < octetCounted.size() && octetCounted.get(i)) {
                stream.writeBytes((bytes.length + " ").getBytes(UTF_8));
                stream.writeBytes(bytes);
            } else {
                stream.writeBytes(bytes);
                stream.write('\n');
            }
        }

        assertEquals(messages, frames(trickle(stream.toByteArray(), chunk), 64 * 1024));
    }

    @Property(tries = 1000)
    void anyBytesEndInBoundedFramesNeverInAnException(@ForAll @Size(max = 2000) byte[] bytes,
            @ForAll @IntRange(min = 1, max = 300) int max, @ForAll @IntRange(min = 1, max = 100) int chunk)
            throws IOException {
        List<String> frames = frames(trickle(bytes, chunk), max);
        assertTrue(frames.size() <= bytes.length, "no frame is made of nothing");
    }

    @Property(tries = 300)
    void aWrongOctetCountCostsAtMostOneFrameNotTheStream(@ForAll("messages") String lost,
            @ForAll @Size(min = 1, max = 10) List<@net.jqwik.api.From("messages") String> after) throws IOException {
        // the count claims far more than the frame limit: the framer ends that frame at the line end and goes on
        StringBuilder stream = new StringBuilder("999999 ").append(lost).append('\n');
        after.forEach(m -> stream.append(m).append('\n'));

        List<String> frames = frames(new ByteArrayInputStream(stream.toString().getBytes(UTF_8)), 4096);

        assertEquals(after, frames.subList(frames.size() - after.size(), frames.size()),
                "every frame after the bad count survives: " + frames);
    }
}
