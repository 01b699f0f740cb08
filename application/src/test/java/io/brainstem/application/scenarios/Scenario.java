package io.brainstem.application.scenarios;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A golden scenario: syslog lines as devices send them, time-ordered, each labelled with the planted pattern or
 * routine stream it belongs to, plus what the detector ought to make of each planted pattern.
 */
public record Scenario(String name, long seed, Instant start, Duration length, List<Line> lines,
        List<Planted> planted, List<Routine> routine) {

    public Scenario {
        lines = List.copyOf(lines);
        planted = List.copyOf(planted);
        routine = List.copyOf(routine);
    }

    /** One syslog line, the time it was sent, and the name of the pattern or routine stream it belongs to. */
    public record Line(Instant at, String raw, String label) {
    }

    /**
     * A fault planted in the stream.
     *
     * @param expectedTypes   the candidate types that would be right; empty = any type
     * @param minBand         the least band it deserves
     * @param expectsRecovery whether its explanation should say it recovered
     */
    public record Planted(String name, Set<CandidateType> expectedTypes, DecisionBand minBand,
            boolean expectsRecovery, CandidateMatcher matcher, String description) {
        public Planted {
            expectedTypes = Set.copyOf(expectedTypes);
        }
    }

    /** Routine chatter: any candidate it alone produces should stay at or below {@code watch}. */
    public record Routine(String name, CandidateMatcher matcher) {
    }

    public long linesOf(String label) {
        return lines.stream().filter(l -> l.label().equals(label)).count();
    }

    /** SHA-256 over the raw lines (newline-separated): equal for equal seeds. */
    public String linesHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Line line : lines) {
                digest.update(line.raw().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
