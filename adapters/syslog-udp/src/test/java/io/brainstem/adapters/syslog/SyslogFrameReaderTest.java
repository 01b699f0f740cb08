package io.brainstem.adapters.syslog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFrameReaderTest {

    @Test
    void octetCountingAndNewlineFramingMixFrameByFrame() throws IOException {
        String stream = "9 <13>hello\n"        // octet counted: the LF after it is noise between frames
                + "<14>line one\n"
                + "<14>line two\r\n"
                + "<14>nul terminated\0"
                + "6 <13>ab"
                + "2024-05-01 digits then no space: a line\n"
                + "\n\r\n"
                + "<14>no terminator at end";

        assertEquals(List.of("<13>hello", "<14>line one", "<14>line two", "<14>nul terminated", "<13>ab",
                "2024-05-01 digits then no space: a line", "<14>no terminator at end"), frames(stream, 1024));
    }

    @Test
    void anOctetCountMayContainNewlines() throws IOException {
        assertEquals(List.of("<13>a\nb", "<14>next"), frames("7 <13>a\nb<14>next\n", 1024));
    }

    @Test
    void tooManyDigitsIsALineNotALength() throws IOException {
        assertEquals(List.of("1234567890 x"), frames("1234567890 x\n", 1024));
    }

    @Test
    void longFramesKeepTheirStartAndFramingStaysInStep() throws IOException {
        String big = "<14>" + "x".repeat(100);
        String stream = big + "\n" + big.length() + " " + big + "<14>after\n";

        SyslogFrameReader reader = reader(stream, 16);
        List<String> frames = new ArrayList<>();
        List<Boolean> truncated = new ArrayList<>();
        while (reader.next()) {
            frames.add(new String(reader.frame(), 0, reader.length(), UTF_8));
            truncated.add(reader.truncated());
        }
        assertEquals(List.of(big.substring(0, 16), big.substring(0, 16), "<14>after"), frames);
        assertEquals(List.of(true, true, false), truncated);
    }

    @Test
    void aStreamCutMidFrameReturnsWhatArrived() throws IOException {
        assertEquals(List.of("<13>hel"), frames("20 <13>hel", 1024));
        assertEquals(List.of("42"), frames("42", 1024));
    }

    @Test
    void framesSplitAcrossReadsAreReassembled() throws IOException {
        byte[] bytes = "11 <13>one two<14>three\n".getBytes(UTF_8);
        InputStream trickle = SyslogFrameReaderProperties.trickle(bytes, 1);
        SyslogFrameReader reader = new SyslogFrameReader(trickle, 1024);
        List<String> frames = new ArrayList<>();
        while (reader.next()) {
            frames.add(new String(reader.frame(), 0, reader.length(), UTF_8));
        }
        assertEquals(List.of("<13>one two", "<14>three"), frames);
    }

    @Test
    void anOctetCountAboveTheLimitEndsAtTheFirstLineEnd() throws IOException {
        SyslogFrameReader reader = reader("99999 <14>one\n<14>two\n", 16);
        List<String> frames = new ArrayList<>();
        List<Boolean> overLimit = new ArrayList<>();
        while (reader.next()) {
            frames.add(new String(reader.frame(), 0, reader.length(), UTF_8));
            overLimit.add(reader.countOverLimit());
        }
        assertEquals(List.of("<14>one", "<14>two"), frames);
        assertEquals(List.of(true, false), overLimit);
    }

    @Test
    void aCutFrameTellsTheLengthItHad() throws IOException {
        SyslogFrameReader reader = reader("<14>" + "x".repeat(96) + "\n" + "100 <14>" + "y".repeat(96), 16);
        for (int i = 0; i < 2; i++) {
            assertTrue(reader.next());
            assertTrue(reader.truncated());
            assertEquals(16, reader.length());
            assertEquals(100, reader.frameBytes());
        }
    }

    private static List<String> frames(String stream, int max) throws IOException {
        SyslogFrameReader reader = reader(stream, max);
        List<String> out = new ArrayList<>();
        while (reader.next()) {
            out.add(SyslogText.decode(reader.frame(), 0, reader.length()));
        }
        return out;
    }

    private static SyslogFrameReader reader(String stream, int max) {
        return new SyslogFrameReader(new ByteArrayInputStream(stream.getBytes(UTF_8)), max);
    }
}
