package io.brainstem.domain.signature.mining;

import java.util.Locale;
import java.util.Set;

/**
 * What a masked token can become when two messages disagree on it. Only {@link #WORD}s and
 * {@link #IDENTIFIER}s may turn into a wildcard; {@link #FIXED} tokens keep two messages apart.
 */
enum TokenKind {

    /** Exactly {@code <*>}. */
    WILDCARD,
    /** A wildcard with constant parts around it: {@code uid=<*>}, {@code node-<*>}, {@code (<*>)}. */
    MASKED,
    /** A plain word that may still be a value, such as a user name ({@code news}, {@code cyrus}). */
    WORD,
    /** A name without digits that may be a value: {@code org.example.Handler}, {@code my-app}. */
    IDENTIFIER,
    /**
     * Never a value: state and outcome words ({@code up}, {@code down}, {@code failed}, past participles
     * and gerunds), upper-case enum constants ({@code RUNNING}, {@code GET}), function words
     * ({@code from}, {@code to}), {@code key=word} fields and punctuation.
     */
    FIXED;

    /**
     * Words that describe a state, an outcome or a direction. Two messages that differ in one of these
     * are different events (Drain3 issue #109: {@code tunnel up} vs {@code tunnel down}).
     */
    private static final Set<String> STATE_WORDS = Set.of(
            "up", "down", "on", "off", "ok", "okay", "nok", "yes", "no", "not", "none", "true", "false", "valid",
            "invalid", "fail", "failure", "failures", "error", "errors", "success", "successful", "successfully",
            "pass", "start", "stop", "open", "close", "drop", "lost", "recover", "reset", "enable", "disable",
            "active", "inactive", "standby", "online", "offline", "allow", "deny", "permit", "reject", "accept",
            "block", "begin", "end", "high", "low", "normal", "warning", "warn", "critical", "major", "minor",
            "info", "debug", "notice", "alert", "emergency", "fatal", "unknown", "full", "empty", "ready",
            "idle", "busy", "available", "unavailable", "reachable", "unreachable", "healthy", "unhealthy",
            "timeout", "login", "logout", "logon", "logoff", "in", "out", "from", "to", "by", "for", "at", "of",
            "with", "without", "via", "into", "onto", "over", "under", "above", "below", "before", "after",
            "the", "a", "an", "and", "or", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
            "can", "cannot", "could", "should", "must", "may", "new", "old", "all", "any", "some", "more", "less",
            "min", "max", "same", "different", "again", "still", "already", "now", "then", "yet");

    /**
     * The function words among {@link #STATE_WORDS} (articles, prepositions, conjunctions, auxiliaries):
     * kept literal in templates, but they carry no state, so a free text may hold them.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "in", "out", "from", "to", "by", "for", "at", "of", "with", "without", "via", "into", "onto", "over",
            "under", "above", "below", "before", "after", "the", "a", "an", "and", "or", "is", "are", "was", "were",
            "be", "been", "has", "have", "had", "will", "can", "cannot", "could", "should", "must", "may", "new",
            "old", "all", "any", "some", "more", "less", "same", "different", "again", "still", "already", "now",
            "then", "yet");

    /**
     * Whether {@code token} (brackets and punctuation around it ignored) is a word that says what state
     * something is in or what happened ({@code down}, {@code failed}, {@code closed}, {@code UP}): a
     * {@link #FIXED} word that is not a function word. A free text never takes one.
     */
    static boolean isStateWord(String token) {
        int from = letterStart(token);
        int to = letterEnd(token, from);
        if (to <= from) {
            return false;
        }
        String word = token.substring(from, to);
        for (int i = 0; i < word.length(); i++) {
            if (!ValueShapes.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return of(word) == FIXED && !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Nouns that announce a value: the word after them is a name, not part of the event's wording
     * ({@code user news}, {@code for user cyrus}, {@code class org.example.Foo}, {@code interface lan}).
     */
    private static final Set<String> VALUE_NOUNS = Set.of(
            "user", "username", "users", "account", "login", "owner", "host", "hostname", "node", "server", "client",
            "peer", "neighbor", "neighbour", "file", "filename", "path", "directory", "dir", "folder", "service",
            "daemon", "process", "program", "command", "job", "task", "table", "database", "db", "queue", "topic",
            "channel", "interface", "device", "driver", "domain", "group", "role", "container", "pod", "namespace",
            "volume", "image", "instance", "name", "class", "module", "package", "plugin", "thread", "app",
            "application", "vm", "vlan", "vrf", "zone", "realm", "tenant", "project", "policy", "profile", "site",
            "region", "bucket", "cluster", "member", "tunnel", "certificate", "cert", "sender", "recipient");

    /** Units of size, rate and time that follow a number: {@code 5.2 KB} vs {@code 93.0 B}. */
    private static final Set<String> UNITS = Set.of(
            "b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "byte", "bytes", "bit", "bits", "bps",
            "kbps", "mbps", "gbps", "ns", "us", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins",
            "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day", "days");

    /** Whether {@code token}, brackets and punctuation around it ignored, is a unit ({@code KB}, {@code ms}). */
    static boolean isUnit(String token) {
        int from = letterStart(token);
        int to = letterEnd(token, from);
        return to - from >= 1 && to - from <= 7 && UNITS.contains(token.substring(from, to).toLowerCase(Locale.ROOT));
    }

    static int letterStart(String token) {
        int from = 0;
        while (from < token.length() && !ValueShapes.isLetter(token.charAt(from))) {
            from++;
        }
        return from;
    }

    static int letterEnd(String token, int from) {
        int to = token.length();
        while (to > from && !ValueShapes.isLetter(token.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /**
     * Whether {@code token} (a constant, brackets and a trailing colon ignored) announces a value: a value
     * noun ({@code user}, {@code host}), or a label, a word with a colon ({@code Manufacturer:},
     * {@code Control:}).
     */
    static boolean namesAValue(String token) {
        if (isLabel(token)) {
            return true;
        }
        int from = letterStart(token);
        int to = letterEnd(token, from);
        if (to - from < 2 || to - from > 12) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!ValueShapes.isAsciiLetter(token.charAt(i))) {
                return false;
            }
        }
        return VALUE_NOUNS.contains(token.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /** A word of at least three letters and a colon: {@code Product:}, {@code reason:}. */
    static boolean isLabel(String token) {
        int n = token.length() - 1;
        if (n < 3 || token.charAt(n) != ':') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!ValueShapes.isAsciiLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static TokenKind of(String token) {
        if (token.equals(MessageMasker.WILDCARD)) {
            return WILDCARD;
        }
        if (token.contains(MessageMasker.WILDCARD)) {
            return MASKED;
        }
        int from = innerStart(token);
        int to = innerEnd(token, from);
        int letters = 0;
        int lower = 0;
        boolean other = false;
        boolean field = false;
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            if (ValueShapes.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lower++;
                }
            } else {
                other = true;
                field |= c == '=' || c == ':';
            }
        }
        if (letters == 0 || field) {
            return FIXED;
        }
        if (lower == 0 && letters >= 2) {
            return FIXED;
        }
        if (other) {
            return IDENTIFIER;
        }
        String word = token.substring(from, to).toLowerCase(Locale.ROOT);
        if (STATE_WORDS.contains(word) || isVerbForm(word)) {
            return FIXED;
        }
        return WORD;
    }

    /**
     * Whether {@code token} (brackets, quotes and trailing punctuation ignored) is an upper-case constant that
     * is not a state word: {@code GET}, {@code CD}, {@code CONTAINER_REMOTE_LAUNCH}, not {@code DOWN} or
     * {@code FAILED}. It is {@link #FIXED} (two messages that differ in it stay apart), but when four or more of
     * them arrive in one position of otherwise equal messages it is the value of a closed set printed with a
     * {@code %s}, like a word (ADR 40).
     */
    static boolean isEnumConstant(String token) {
        int from = innerStart(token);
        int to = innerEnd(token, from);
        int letters = 0;
        StringBuilder word = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            if (ValueShapes.isAsciiLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters++;
                word.append(Character.toLowerCase(c));
            } else if (c != '_' && !ValueShapes.isDigit(c)) {
                return false;
            } else if (c == '_') {
                String part = word.toString();
                if (STATE_WORDS.contains(part) || isVerbForm(part)) {
                    return false;
                }
                word.setLength(0);
            }
        }
        String last = word.toString();
        return letters >= 2 && !STATE_WORDS.contains(last) && !isVerbForm(last)
                && !LEVELS.contains(token.substring(from, to).toLowerCase(Locale.ROOT));
    }

    /**
     * Log levels that are not {@link #STATE_WORDS} ({@code ERR}, {@code CRIT}, Java's {@code SEVERE} and
     * {@code FINE}): a line's level tells events apart like a state does, so it never varies in a family.
     */
    private static final Set<String> LEVELS = Set.of("err", "crit", "emerg", "trace", "severe", "fine", "finer",
            "finest", "verbose", "panic");

    /** A word, an identifier or an upper-case constant ({@link #isEnumConstant}): what a family may vary in. */
    static boolean mayVaryInFamily(String token, TokenKind kind) {
        return kind.isWordValue() || (kind == FIXED && isEnumConstant(token));
    }

    /** Where {@code token} begins without the brackets and quotes before it. */
    private static int innerStart(String token) {
        int from = 0;
        while (from < token.length() && "([{<\"'`".indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        return from;
    }

    /** Where {@code token} ends without the brackets, quotes and punctuation after it (not before {@code from}). */
    private static int innerEnd(String token, int from) {
        int to = token.length();
        while (to > from && ")]}>\"'`,;:.!?".indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return to;
    }

    /** Past participles and gerunds ({@code started}, {@code stopped}, {@code running}) describe states. */
    private static boolean isVerbForm(String word) {
        return (word.length() >= 5 && word.endsWith("ed")) || (word.length() >= 6 && word.endsWith("ing"));
    }

    boolean canBeValue() {
        return this != FIXED;
    }

    /** A word or an identifier: what a variable position of a family may hold. */
    boolean isWordValue() {
        return this == WORD || this == IDENTIFIER;
    }

    boolean hasWildcard() {
        return this == WILDCARD || this == MASKED;
    }
}
