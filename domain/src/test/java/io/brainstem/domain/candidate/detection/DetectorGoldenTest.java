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
 * failures), and again when ADR 31 did (outcomes are not recoveries, companion lines are not learned recoveries,
 * long returns, the daily rise, periodic failures recovering, unrecovered weighing past recoveries), and when
 * ADR 41 did (a self-heal's persistence over days). Set
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
        check("defaults", DetectionSettings.defaults(), 42, 60_000, 74_995,
                "2a79d731fdd91ad83746b5bfdf3ad3265261579173b7ada99d2257f791304a35");
    }

    @Test
    void smallTables() throws Exception {
        check("small", DetectionSettings.defaults().withMaxTrackedKeys(16), 7, 20_000, 21_923,
                "15f6f9404977e9cd6714b1db498e5e8aaf8a2f12d8c6f0446a03bfe87fc93bea");
    }

    @Test
    void otherSettings() throws Exception {
        DetectionSettings s = new DetectionSettings(Duration.ofMinutes(5), Duration.ofMinutes(20), 40, 20, 3, 3,
                Duration.ofMinutes(3), 0.3, 64);
        check("other", s, 99, 30_000, 39_133,
                "db29d279c928618821d91011c6b2a03f5ed0f1e9fa922fff1ce3292db62355f1");
    }
}
