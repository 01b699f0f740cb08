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

    static TokenKind of(String token) {
        if (token.equals(MessageMasker.WILDCARD)) {
            return WILDCARD;
        }
        if (token.contains(MessageMasker.WILDCARD)) {
            return MASKED;
        }
        int from = 0;
        int to = token.length();
        while (from < to && "([{<\"'`".indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && ")]}>\"'`,;:.!?".indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
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

    /** Past participles and gerunds ({@code started}, {@code stopped}, {@code running}) describe states. */
    private static boolean isVerbForm(String word) {
        return (word.length() >= 5 && word.endsWith("ed")) || (word.length() >= 6 && word.endsWith("ing"));
    }

    boolean canBeValue() {
        return this != FIXED;
    }

    boolean hasWildcard() {
        return this == WILDCARD || this == MASKED;
    }
}
