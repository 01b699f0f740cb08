package io.brainstem.domain.candidate.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the state words of a template ({@code down}/{@code up}, {@code dropped}/{@code recovered},
 * {@code failed}/{@code succeeded}...), so that {@code link <*> down} and {@code link <*> up} pair by their shared
 * key {@code link <*> <state>}. A word counts only as a whole word ({@code backup} holds no {@code up}), in any case.
 *
 * <ul>
 *   <li>only failure words: a {@link Failure}; only recovery words: a {@link Recovery} (each with the key);</li>
 *   <li>a failure word followed later by an explicit recovery word ({@code recovered, restored, reconnected,
 *       re-established, reestablished, resumed}): {@link FailedAndRecovered}, a message that says both;</li>
 *   <li>no state word, or mixed words otherwise ("connection failed, retrying up to 3 times"): {@link Stateless}
 *       - we do not guess.</li>
 * </ul>
 */
final class StateWords {

    static final String SLOT = "<state>";

    static final Set<String> FAILURE_WORDS = Set.of("down", "dropped", "failed", "failure", "stopped", "closed",
            "lost", "disconnected", "offline", "unreachable", "unavailable", "degraded", "dead");
    static final Set<String> RECOVERY_WORDS = Set.of("up", "recovered", "restored", "succeeded", "success",
            "started", "opened", "established", "reestablished", "re-established", "connected", "reconnected",
            "online", "reachable", "available", "resumed", "resolved", "cleared", "healthy");
    static final Set<String> EXPLICIT_RECOVERY_WORDS = Set.of("recovered", "restored", "reconnected",
            "reestablished", "re-established", "resumed");

    private static final Pattern WORD = Pattern.compile("(?<![\\w-])[A-Za-z][A-Za-z-]*(?![\\w-])");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?\\d+(?:[.,]\\d+)?(?:ms|s|sec|secs|m|min|mins|h|%)?|\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?");

    /** What a template says about state. */
    sealed interface Reading permits Failure, Recovery, FailedAndRecovered, Stateless {
    }

    /** @param key the template with its state words replaced by {@value #SLOT}; @param word the first one */
    record Failure(String key, String word) implements Reading {
    }

    record Recovery(String key, String word) implements Reading {
    }

    record FailedAndRecovered() implements Reading {
    }

    record Stateless() implements Reading {
    }

    private record Hit(int start, int end, String word, Polarity polarity) {
    }

    private StateWords() {
    }

    static Reading read(String template) {
        List<Hit> hits = hits(template);
        if (hits.isEmpty()) {
            return new Stateless();
        }
        int firstFailure = -1;
        int lastExplicitRecovery = -1;
        boolean anyFailure = false;
        boolean anyRecovery = false;
        for (int i = 0; i < hits.size(); i++) {
            Hit h = hits.get(i);
            if (h.polarity() == Polarity.FAILURE) {
                anyFailure = true;
                firstFailure = firstFailure < 0 ? i : firstFailure;
            } else {
                anyRecovery = true;
                if (EXPLICIT_RECOVERY_WORDS.contains(h.word().toLowerCase(Locale.ROOT))) {
                    lastExplicitRecovery = i;
                }
            }
        }
        if (anyFailure && firstFailure < lastExplicitRecovery) {
            return new FailedAndRecovered();
        }
        if (anyFailure && anyRecovery) {
            return new Stateless();
        }
        String key = replace(template, hits);
        String word = hits.getFirst().word();
        return anyFailure ? new Failure(key, word) : new Recovery(key, word);
    }

    /**
     * The concrete thing a message is about, for pairing on one host: the message with state words replaced and
     * plain numbers and times ({@code 3421}, {@code 5s}, {@code 12:00:01}, {@code 40%}) masked, so that
     * {@code link eth0 down} pairs with {@code link eth0 up} and never with {@code link eth1 up}.
     */
    static String subjectOf(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (String token : message.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String core = token.replaceAll("^[(\\[{\"']+|[)\\]}\"',;.:]+$", "");
            out.append(NUMBER.matcher(core).matches() && !core.isEmpty() ? "<#>" : token);
        }
        String masked = out.toString();
        return replace(masked, hits(masked));
    }

    /**
     * The pattern in words, from a failure and a recovery template: {@code VPN tunnel dropped} and
     * {@code VPN tunnel recovered} give "VPN tunnel dropped and recovered"; {@code link <*> down} and
     * {@code link <*> up} give "link <*> down and up".
     */
    static String phrase(String failureTemplate, String recoveryTemplate) {
        List<Hit> failures = hits(failureTemplate).stream().filter(h -> h.polarity() == Polarity.FAILURE).toList();
        List<Hit> recoveries = hits(recoveryTemplate).stream().filter(h -> h.polarity() == Polarity.RECOVERY)
                .toList();
        if (failures.isEmpty() || recoveries.isEmpty()) {
            return failureTemplate.strip() + " / " + recoveryTemplate.strip();
        }
        Hit f = failures.getFirst();
        return failureTemplate.substring(0, f.start()) + f.word() + " and " + recoveries.getFirst().word()
                + failureTemplate.substring(f.end());
    }

    private static List<Hit> hits(String text) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            if (FAILURE_WORDS.contains(lower)) {
                hits.add(new Hit(m.start(), m.end(), m.group(), Polarity.FAILURE));
            } else if (RECOVERY_WORDS.contains(lower)) {
                hits.add(new Hit(m.start(), m.end(), m.group(), Polarity.RECOVERY));
            }
        }
        return hits;
    }

    private static String replace(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (Hit h : hits) {
            out.append(text, from, h.start()).append(SLOT);
            from = h.end();
        }
        return out.append(text, from, text.length()).toString();
    }
}
