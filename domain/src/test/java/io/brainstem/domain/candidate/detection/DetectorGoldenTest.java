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
 * Pins every assessment of long mixed streams ({@link MixedStream}) to the output of the detector as it was
 * before its hot path was optimized: the SHA-256 of all rendered assessments, and their number. Set
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
        check("defaults", DetectionSettings.defaults(), 42, 60_000, 70_575,
                "9c376bef3577abfe309ca2897d058fd685f00e1237e69e2f7b8e7c8deb177b4d");
    }

    @Test
    void smallTables() throws Exception {
        check("small", DetectionSettings.defaults().withMaxTrackedKeys(16), 7, 20_000, 21_184,
                "de8b66a06e792a090060132e5d28d6b041ed7b07ed9dc07beddedfeee72e8557");
    }

    @Test
    void otherSettings() throws Exception {
        DetectionSettings s = new DetectionSettings(Duration.ofMinutes(5), Duration.ofMinutes(20), 40, 20, 3, 3,
                Duration.ofMinutes(3), 0.3, 64);
        check("other", s, 99, 30_000, 35_843,
                "97c341d261c5606b3e4d0f31e6efc3c59b981d2ca3d0b031c6460ea7a8a339c2");
    }
}
