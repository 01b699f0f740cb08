package io.brainstem.domain.candidate.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>A word is a maximal run of ASCII letters and hyphens that starts with a letter and touches no other letter,
 * digit, underscore or hyphen (the regex {@code (?<![\w-])[A-Za-z][A-Za-z-]*(?![\w-])}); words and numbers are
 * found by scanning characters, not by regular expressions, because {@link #subjectOf} runs for every state event.
 */
final class StateWords {

    static final String SLOT = "<state>";

    static final Set<String> FAILURE_WORDS = Set.of("down", "dropped", "failed", "failure", "stopped", "closed",
            "lost", "disconnected", "offline", "unreachable", "unavailable", "degraded", "dead", "timeout", "expired",
            "refused", "unhealthy", "faulted");
    static final Set<String> RECOVERY_WORDS = Set.of("up", "recovered", "restored", "succeeded", "success",
            "started", "opened", "established", "reestablished", "re-established", "connected", "reconnected",
            "online", "reachable", "available", "resumed", "resolved", "cleared", "healthy", "running", "optimal",
            "passed");
    static final Set<String> EXPLICIT_RECOVERY_WORDS = Set.of("recovered", "restored", "reconnected",
            "reestablished", "re-established", "resumed");
    /**
     * Words of a normal life cycle rather than of a fault: a session {@code closed} and {@code opened}, a job
     * {@code started} and {@code stopped}. They pair like the others, but a pattern made only of these is
     * routine unless its severity says otherwise.
     */
    static final Set<String> LIFECYCLE_WORDS = Set.of("closed", "opened", "started", "stopped", "connected",
            "disconnected");
    /**
     * Two-word readings, as {@code previous word -> word}: {@code on battery}, {@code timed out} read as a
     * failure; {@code on mains}, {@code line power}, {@code is back} as a recovery.
     */
    private static final Map<String, Polarity> PHRASES = Map.ofEntries(
            Map.entry("on battery", Polarity.FAILURE), Map.entry("on batteries", Polarity.FAILURE),
            Map.entry("timed out", Polarity.FAILURE), Map.entry("not responding", Polarity.FAILURE),
            Map.entry("on mains", Polarity.RECOVERY), Map.entry("line power", Polarity.RECOVERY),
            Map.entry("is back", Polarity.RECOVERY), Map.entry("are back", Polarity.RECOVERY),
            Map.entry("came back", Polarity.RECOVERY), Map.entry("back online", Polarity.RECOVERY),
            Map.entry("responding again", Polarity.RECOVERY));
    /** Words after which a state word is the state arrived at: {@code changed state to down}, {@code is now DEGRADED}. */
    private static final Set<String> ARRIVING = Set.of("to", "now", "into", "entered", "became", "becomes", "is",
            "are", "went", "goes", "transitioned");
    /** A word after which a state word is the state left: {@code changed state from Established to Idle}. */
    private static final String LEAVING = "from";

    private static final String NUMBER_MASK = "<#>";
    private static final String[] UNITS = {"ms", "s", "sec", "secs", "m", "min", "mins", "h", "%"};

    /** Open addressing by the hash of the lower-cased word: the words, and for each its polarity. */
    private static final int TABLE_SIZE = 128;
    private static final String[] TABLE_WORDS = new String[TABLE_SIZE];
    private static final Polarity[] TABLE_POLARITY = new Polarity[TABLE_SIZE];
    private static final boolean[] TABLE_EXPLICIT = new boolean[TABLE_SIZE];
    private static final int LONGEST_WORD;

    static {
        int longest = 0;
        for (String w : FAILURE_WORDS) {
            longest = Math.max(longest, enter(w, Polarity.FAILURE));
        }
        for (String w : RECOVERY_WORDS) {
            longest = Math.max(longest, enter(w, Polarity.RECOVERY));
        }
        LONGEST_WORD = longest;
    }

    private static int enter(String word, Polarity polarity) {
        int slot = slot(word.hashCode());
        while (TABLE_WORDS[slot] != null) {
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        TABLE_WORDS[slot] = word;
        TABLE_POLARITY[slot] = polarity;
        TABLE_EXPLICIT[slot] = EXPLICIT_RECOVERY_WORDS.contains(word);
        return word.length();
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 7) ^ (hash >>> 16)) & (TABLE_SIZE - 1);
    }

    /** What a template says about state. */
    sealed interface Reading permits Failure, Recovery, FailedAndRecovered, Stateless {
    }

    /**
     * @param key       the template with its state words replaced by {@value #SLOT}
     * @param word      the first deciding state word
     * @param lifecycle whether the deciding words are only those of a normal life cycle ({@link #LIFECYCLE_WORDS})
     */
    record Failure(String key, String word, boolean lifecycle) implements Reading {
    }

    record Recovery(String key, String word, boolean lifecycle) implements Reading {
    }

    record FailedAndRecovered() implements Reading {
    }

    record Stateless() implements Reading {
    }

    private static final Stateless STATELESS = new Stateless();
    private static final FailedAndRecovered FAILED_AND_RECOVERED = new FailedAndRecovered();

    /** A state word found at {@code [start, end)}. */
    private record Hit(int start, int end, Polarity polarity, boolean explicitRecovery, boolean arriving,
            boolean leaving, boolean eventName, boolean lifecycle) {

        Hit(int start, int end, Polarity polarity, boolean explicitRecovery) {
            this(start, end, polarity, explicitRecovery, false, false, false, false);
        }

        String word(String text) {
            return text.substring(start, end);
        }
    }

    private StateWords() {
    }

    /**
     * What {@code template} says about state. The state words are found as for {@link #hits}, plus two-word
     * readings ({@code on battery}, {@code is back}) and the state words inside an upper-case event name
     * ({@code SNMP_TRAP_LINK_DOWN}). Which of them decides, in this order:
     * <ol>
     *   <li>the state words of an event name, when they agree;</li>
     *   <li>the state arrived at, when the arriving words agree: a state word right after {@code to}, {@code now},
     *       {@code is}, {@code entered the}... ({@code changed state from up to down} is a failure);</li>
     *   <li>when every state word is one being left ({@code from Established to Idle}), the opposite of it;</li>
     *   <li>otherwise the words as a whole: only failure words a failure, only recovery words a recovery, a failure
     *       followed by an explicit recovery word both, any other mix nothing.</li>
     * </ol>
     */
    static Reading read(String template) {
        List<Hit> hits = readingHits(template);
        if (hits.isEmpty()) {
            return STATELESS;
        }
        List<Hit> decisive = agreeing(hits, h -> h.eventName());
        if (decisive == null) {
            decisive = agreeing(hits, h -> h.arriving());
        }
        if (decisive != null) {
            return reading(template, hits, decisive, decisive.getFirst().polarity());
        }
        boolean allLeaving = hits.stream().allMatch(Hit::leaving);
        if (allLeaving && agreeing(hits, h -> true) != null) {
            Polarity left = hits.getFirst().polarity();
            return reading(template, hits, hits, left == Polarity.FAILURE ? Polarity.RECOVERY : Polarity.FAILURE);
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
                if (h.explicitRecovery()) {
                    lastExplicitRecovery = i;
                }
            }
        }
        if (anyFailure && firstFailure < lastExplicitRecovery) {
            return FAILED_AND_RECOVERED;
        }
        if (anyFailure && anyRecovery) {
            return STATELESS;
        }
        return reading(template, hits, hits, anyFailure ? Polarity.FAILURE : Polarity.RECOVERY);
    }

    private static Reading reading(String template, List<Hit> hits, List<Hit> decisive, Polarity polarity) {
        String key = replace(template, hits);
        String word = decisive.getFirst().word(template);
        boolean lifecycle = decisive.stream().allMatch(Hit::lifecycle);
        return polarity == Polarity.FAILURE ? new Failure(key, word, lifecycle) : new Recovery(key, word, lifecycle);
    }

    /** The hits that pass {@code which}, when there are some and they share one polarity; else null. */
    private static List<Hit> agreeing(List<Hit> hits, java.util.function.Predicate<Hit> which) {
        List<Hit> chosen = new ArrayList<>(2);
        for (Hit h : hits) {
            if (which.test(h)) {
                if (!chosen.isEmpty() && chosen.getFirst().polarity() != h.polarity()) {
                    return null;
                }
                chosen.add(h);
            }
        }
        return chosen.isEmpty() ? null : chosen;
    }

    /** A word of a template: letters and hyphens, or one segment of an upper-case event name. */
    private record Word(int start, int end, String lower, boolean eventName) {
    }

    /** The state words of {@code text} with their context, for {@link #read}. */
    private static List<Hit> readingHits(String text) {
        List<Word> words = words(text);
        List<Hit> hits = new ArrayList<>(4);
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            Word prev = i > 0 && adjacent(text, words.get(i - 1), w) ? words.get(i - 1) : null;
            Polarity polarity = prev == null ? null : PHRASES.get(prev.lower() + ' ' + w.lower());
            boolean explicit = false;
            if (polarity == null) {
                int slot = w.end() - w.start() <= LONGEST_WORD ? find(text, w.start(), w.end() - w.start(),
                        w.lower().hashCode()) : -1;
                if (slot < 0) {
                    continue;
                }
                polarity = TABLE_POLARITY[slot];
                explicit = TABLE_EXPLICIT[slot];
            }
            boolean arriving = prev != null && (ARRIVING.contains(prev.lower())
                    || (isArticle(prev.lower()) && i > 1 && adjacent(text, words.get(i - 2), prev)
                            && ARRIVING.contains(words.get(i - 2).lower())));
            boolean leaving = prev != null && LEAVING.equals(prev.lower());
            hits.add(new Hit(w.start(), w.end(), polarity, explicit, arriving, leaving, w.eventName(),
                    LIFECYCLE_WORDS.contains(w.lower())));
        }
        return hits;
    }

    private static boolean isArticle(String word) {
        return word.equals("the") || word.equals("a") || word.equals("an");
    }

    /** Nothing but spaces and punctuation between two words. */
    private static boolean adjacent(String text, Word before, Word after) {
        for (int i = before.end(); i < after.start(); i++) {
            char c = text.charAt(i);
            if (isWordish(c) || c == '<') {
                return false;
            }
        }
        return true;
    }

    /** The words of {@code text} (see the class comment), and the segments of upper-case event names. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWordish(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean word = isLetter(text.charAt(i));
            boolean upperSnake = true;
            boolean underscore = false;
            while (i < n && isWordish(text.charAt(i))) {
                char d = text.charAt(i);
                word &= isLetter(d) || d == '-';
                upperSnake &= (d >= 'A' && d <= 'Z') || isDigit(d) || d == '_';
                underscore |= d == '_';
                i++;
            }
            if (word) {
                words.add(new Word(start, i, text.substring(start, i).toLowerCase(java.util.Locale.ROOT), false));
            } else if (upperSnake && underscore) {
                int from = start;
                for (int j = start; j <= i; j++) {
                    if (j == i || text.charAt(j) == '_') {
                        if (j > from && allLetters(text, from, j)) {
                            words.add(new Word(from, j, text.substring(from, j).toLowerCase(java.util.Locale.ROOT),
                                    true));
                        }
                        from = j + 1;
                    }
                }
            }
        }
        return words;
    }

    private static boolean allLetters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The concrete thing a message is about, for pairing on one host: the message with state words replaced and
     * plain numbers and times ({@code 3421}, {@code 5s}, {@code 12:00:01}, {@code 40%}) masked, so that
     * {@code link eth0 down} pairs with {@code link eth0 up} and never with {@code link eth1 up}.
     *
     * <p>Tokens are the runs between whitespace ({@code [ \t\n\x0B\f\r]}), joined by one space; a token is a
     * number when, without its leading {@code ( [ { " '} and trailing {@code ) ] } " ' , ; . :}, it matches
     * {@code [-+]?\d+([.,]\d+)?(ms|s|sec|secs|m|min|mins|h|%)?} or {@code \d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?}.
     */
    static String subjectOf(String message) {
        String s = message.strip();
        int n = s.length();
        StringBuilder out = new StringBuilder(n + 8);
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            int end = i;
            if (!out.isEmpty()) {
                out.append(' ');
            }
            int cs = start;
            while (cs < end && isOpening(s.charAt(cs))) {
                cs++;
            }
            int ce = end;
            while (ce > cs && isClosing(s.charAt(ce - 1))) {
                ce--;
            }
            if (ce > cs && isNumber(s, cs, ce)) {
                out.append(NUMBER_MASK);
            } else {
                out.append(s, start, end);
            }
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
        }
        String masked = out.toString();
        List<Hit> hits = hits(masked);
        return hits.isEmpty() ? masked : replace(masked, hits);
    }

    /**
     * The pattern in words, from a failure and a recovery template: {@code VPN tunnel dropped} and
     * {@code VPN tunnel recovered} give "VPN tunnel dropped and recovered"; {@code link <*> down} and
     * {@code link <*> up} give "link <*> down and up".
     */
    static String phrase(String failureTemplate, String recoveryTemplate) {
        Hit f = first(hits(failureTemplate), Polarity.FAILURE);
        Hit r = first(hits(recoveryTemplate), Polarity.RECOVERY);
        if (f == null || r == null) {
            return failureTemplate.strip() + " / " + recoveryTemplate.strip();
        }
        return failureTemplate.substring(0, f.start()) + f.word(failureTemplate) + " and "
                + r.word(recoveryTemplate) + failureTemplate.substring(f.end());
    }

    private static Hit first(List<Hit> hits, Polarity polarity) {
        for (Hit h : hits) {
            if (h.polarity() == polarity) {
                return h;
            }
        }
        return null;
    }

    private static List<Hit> hits(String text) {
        List<Hit> hits = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!isWordish(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean word = isLetter(c);
            int h = lower(c);
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (!isWordish(d)) {
                    break;
                }
                if (word) {
                    if (isLetter(d) || d == '-') {
                        h = 31 * h + lower(d);
                    } else {
                        word = false;
                    }
                }
                i++;
            }
            if (word && i - start <= LONGEST_WORD) {
                int slot = find(text, start, i - start, h);
                if (slot >= 0) {
                    if (hits == null) {
                        hits = new ArrayList<>(4);
                    }
                    hits.add(new Hit(start, i, TABLE_POLARITY[slot], TABLE_EXPLICIT[slot]));
                }
            }
        }
        return hits == null ? List.of() : hits;
    }

    /** The table slot of the word at {@code [start, start + length)} (ASCII letters and hyphens), or -1. */
    private static int find(String text, int start, int length, int lowerHash) {
        int slot = slot(lowerHash);
        String w;
        while ((w = TABLE_WORDS[slot]) != null) {
            if (w.length() == length && w.regionMatches(true, 0, text, start, length)) {
                return slot;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return -1;
    }

    private static String replace(String text, List<Hit> hits) {
        StringBuilder out = new StringBuilder(text.length() + 8 * hits.size());
        int from = 0;
        for (Hit h : hits) {
            out.append(text, from, h.start()).append(SLOT);
            from = h.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** A plain number, duration, percentage or time of day in {@code s[from, to)} (see {@link #subjectOf}). */
    static boolean isNumber(String s, int from, int to) {
        return isDecimal(s, from, to) || isTimeOfDay(s, from, to);
    }

    private static boolean isDecimal(String s, int from, int to) {
        int i = from;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        i = skipDigits(s, i, to);
        if (i == digits) {
            return false;
        }
        if (i + 1 < to && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
            i = skipDigits(s, i + 1, to);
        }
        if (i == to) {
            return true;
        }
        for (String unit : UNITS) {
            if (unit.length() == to - i && s.startsWith(unit, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeOfDay(String s, int from, int to) {
        int i = skipDigits(s, from, to);
        int hourDigits = i - from;
        if (hourDigits < 1 || hourDigits > 2 || !twoDigitsAfterColon(s, i, to)) {
            return false;
        }
        i += 3;
        if (i == to) {
            return true;
        }
        if (!twoDigitsAfterColon(s, i, to)) {
            return false;
        }
        i += 3;
        if (i == to) {
            return true;
        }
        if (s.charAt(i) != '.' && s.charAt(i) != ',') {
            return false;
        }
        int fraction = i + 1;
        return fraction < to && skipDigits(s, fraction, to) == to;
    }

    /** {@code :dd} at {@code i}. */
    private static boolean twoDigitsAfterColon(String s, int i, int to) {
        return i + 3 <= to && s.charAt(i) == ':' && isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2));
    }

    private static int skipDigits(String s, int i, int to) {
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code [\w-]}: ASCII letter, digit, underscore or hyphen. */
    private static boolean isWordish(char c) {
        return isLetter(c) || isDigit(c) || c == '_' || c == '-';
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'';
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == ',' || c == ';' || c == '.'
                || c == ':';
    }
}
