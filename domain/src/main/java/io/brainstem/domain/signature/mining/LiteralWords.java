package io.brainstem.domain.signature.mining;

/**
 * The words the miner never turns into a variable (ADR 9): state and outcome words ({@code up},
 * {@code down}, {@code failed}), past participles and gerunds, upper-case enum constants ({@code GET},
 * {@code FULL}) and function words. Public for the benchmark, which scores the generated corpus a second
 * way: with such words kept literal in the truth as well (ADR 29).
 */
public final class LiteralWords {

    private LiteralWords() {
    }

    /** Whether {@code word} (letters only) is a word the miner keeps literal; {@code false} for anything else. */
    public static boolean keptLiteral(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!ValueShapes.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return TokenKind.of(word) == TokenKind.FIXED;
    }
}
