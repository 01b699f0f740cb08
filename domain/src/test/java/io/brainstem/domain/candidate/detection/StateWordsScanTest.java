package io.brainstem.domain.candidate.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link StateWords} scans characters instead of running regular expressions; this checks it against the regular
 * expressions it replaced, on many random strings built from the characters that matter (letters, digits,
 * hyphens, underscores, quotes, brackets, punctuation, every kind of whitespace, non-ASCII letters) and pieces of
 * state words, numbers and times.
 */
class StateWordsScanTest {

    private static final Pattern WORD = Pattern.compile("(?<![\\w-])[A-Za-z][A-Za-z-]*(?![\\w-])");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?\\d+(?:[.,]\\d+)?(?:ms|s|sec|secs|m|min|mins|h|%)?|\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?");

    private record Hit(int start, int end, String word, Polarity polarity) {
    }

    private static List<Hit> regexHits(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            if (StateWords.FAILURE_WORDS.contains(lower)) {
                hits.add(new Hit(m.start(), m.end(), m.group(), Polarity.FAILURE));
            } else if (StateWords.RECOVERY_WORDS.contains(lower)) {
                hits.add(new Hit(m.start(), m.end(), m.group(), Polarity.RECOVERY));
            }
        }
        return hits;
    }

    private static String regexReplace(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Hit h : hits) {
            out.append(text, from, h.start()).append(StateWords.SLOT);
            from = h.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static String regexSubjectOf(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (String token : message.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String core = token.replaceAll("^[(\\[{\"']+|[)\\]}\"',;.:]+$", "");
            out.append(NUMBER.matcher(core).matches() && !core.isEmpty() ? "<#>" : token);
        }
        String masked = out.toString();
        return regexReplace(masked, regexHits(masked));
    }

    private static String regexPhrase(String failureTemplate, String recoveryTemplate) {
        List<Hit> failures = regexHits(failureTemplate).stream().filter(h -> h.polarity() == Polarity.FAILURE)
                .toList();
        List<Hit> recoveries = regexHits(recoveryTemplate).stream().filter(h -> h.polarity() == Polarity.RECOVERY)
                .toList();
        if (failures.isEmpty() || recoveries.isEmpty()) {
            return failureTemplate.strip() + " / " + recoveryTemplate.strip();
        }
        Hit f = failures.getFirst();
        return failureTemplate.substring(0, f.start()) + f.word() + " and " + recoveries.getFirst().word()
                + failureTemplate.substring(f.end());
    }

    private static final String[] PIECES = {"down", "DOWN", "Up", "up", "re-established", "reestablished",
        "recovered", "failed", "failure", "dropped", "unreachable", "reachable", "healthy", "dead", "backup",
        "setup", "lost", "closed", "opened", "-", "_", "--", "5", "12", "3.5", "4,2", "+7", "-1", "12:00",
        "1:02:03", "12:00:01.5", "123:45", "1:2", "40%", "5s", "5sec", "5secs", "3ms", "2min", "2mins", "1h", "7m",
        "5S", "5hh", "(", ")", "[", "]", "{", "}", "\"", "'", ",", ";", ".", ":", " ", "  ", "\t", "\n", "\u000B",
        "\f", "\r", "\u2003", "\u00A0", "\u001C", "\u00e9", "\u00c9t\u00e9", "\uD83D\uDE00", "<*>", "<#>",
        "eth0", "10.0.0.1", "a", "Z", "x-y", "state:down", "%", "ok"};

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int parts = random.nextInt(12);
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                s.append((char) (32 + random.nextInt(96)));
            } else {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return s.toString();
    }

    @Test
    void scanningAgreesWithTheRegularExpressions() {
        Random random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            String text = randomText(random);
            assertEquals(regexSubjectOf(text), StateWords.subjectOf(text), () -> "subject of [" + text + "]");
            String other = randomText(random);
            assertEquals(regexPhrase(text, other), StateWords.phrase(text, other),
                    () -> "phrase of [" + text + "] and [" + other + "]");
        }
    }

    @Test
    void numbersAndTimesAsBefore() {
        String[] tokens = {"5", "-5", "+5", "5.5", "5,5", "5.", ".5", "5.5.5", "5ms", "5s", "5sec", "5secs", "5m",
            "5min", "5mins", "5h", "5%", "5.5%", "5x", "5MS", "1:00", "12:00", "123:00", "12:0", "12:00:0",
            "12:00:00", "12:00:00.1", "12:00:00,12", "12:00:00.", "12:00.5", "+12:00", "1:00s", "", "-", "+",
            "0", "00000000000000000000000", "5sec5", "5:5:5"};
        for (String t : tokens) {
            assertEquals(NUMBER.matcher(t).matches(), StateWords.isNumber(t, 0, t.length()), t);
        }
    }
}
