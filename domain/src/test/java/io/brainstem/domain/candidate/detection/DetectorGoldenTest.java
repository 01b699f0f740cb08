package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins every assessment of long mixed streams ({@link MixedStream}): the SHA-256 of all rendered assessments, and
 * their number. First pinned before the hot path was optimized; re-pinned when ADR 17 changed what the detector
 * says (pairing by subject, learned pairs, severity of failures, periodicity, routine chatter, unrecovered
 * failures). Set
 * {@code -Dgolden.dump=DIR} to write the rendered lines for diffing.
 */
class DetectorGoldenTest {

    static CandidateDetector unthrottled(DetectionSettings settings) {
        return new CandidateDetector(settings, false);
    }

    private static void check(String name, DetectionSettings settings, long seed, int events, int count,
            String sha256) throws Exception {
        List<String> lines = MixedStream.play(unthrottled(settings), MixedStream.generate(seed, events));
        String joined = String.join("\n", lines);
        String dump = System.getProperty("golden.dump");
        if (dump != null) {
            Files.writeString(Path.of(dump, name + ".txt"), joined, StandardCharsets.UTF_8);
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(joined.getBytes(StandardCharsets.UTF_8)));
        System.out.println("golden " + name + " " + lines.size() + " " + hash);
        assertEquals(count, lines.size(), name + ": number of assessments");
        assertEquals(sha256, hash, name + ": assessments");
    }

    @Test
    void defaults() throws Exception {
        check("defaults", DetectionSettings.defaults(), 42, 60_000, 74_687,
                "4c2c36e4dbaf48257ac1aef06b9ae2a9c703be35d9325a5923e3a9151551412a");
    }

    @Test
    void smallTables() throws Exception {
        check("small", DetectionSettings.defaults().withMaxTrackedKeys(16), 7, 20_000, 21_947,
                "cee4b7eeade34e2bccfcc41f0c3ddf441965ccfa4b1ab706d13e1dd8e05eaf5b");
    }

    @Test
    void otherSettings() throws Exception {
        DetectionSettings s = new DetectionSettings(Duration.ofMinutes(5), Duration.ofMinutes(20), 40, 20, 3, 3,
                Duration.ofMinutes(3), 0.3, 64);
        check("other", s, 99, 30_000, 38_291,
                "f8de9f0d104ff8589bdc24bc1f27142b75ca7a7704be2ba5ee4c4a12ce52ead4");
    }
}
