package io.brainstem.domain.signature.mining;

import io.brainstem.domain.signature.SignatureId;

/**
 * One signature inside the miner: its id, its template as tokens, and its place in the
 * least-recently-used list. Mutable, owned by {@link AligningTemplateMiner}.
 */
final class LogCluster {

    final SignatureId id;
    /** Creation order: of two signatures with equal templates the one with the lower number survives. */
    final long born;
    private String[] tokens;
    private TokenKind[] kinds;
    private String template;
    private String firstAnchor;
    private String lastAnchor;
    private String fixedAnchor;
    private String stemAnchor;
    boolean alive = true;
    /**
     * Positions (bits, {@link TemplateAlignment#wordVariableBit}) that a family merge made variables: there a
     * field's wildcard also takes a word ({@code user=<*>} takes {@code user=alice}). Not restored from
     * storage.
     */
    long wordVariables;
    /**
     * Positions (bits as {@link #wordVariables}) of wildcards that a tail family made free text: there the
     * wildcard takes any run of tokens, words the miner otherwise keeps literal included. Not restored.
     */
    long textVariables;
    /** Set when this signature was merged into another: masked forms cached for it resolve there. */
    LogCluster mergedInto;
    int visitStamp;
    LogCluster newer;
    LogCluster older;

    LogCluster(SignatureId id, long born, String[] tokens) {
        this.id = id;
        this.born = born;
        setTokens(tokens);
    }

    void setTokens(String[] newTokens) {
        tokens = newTokens;
        kinds = kindsOf(newTokens);
        template = newTokens.length == 0 ? AligningTemplateMiner.EMPTY_TEMPLATE : String.join(" ", newTokens);
        firstAnchor = null;
        lastAnchor = null;
        for (int i = 0; i < newTokens.length; i++) {
            if (!kinds[i].hasWildcard()) {
                firstAnchor = newTokens[i];
                break;
            }
        }
        for (int i = newTokens.length - 1; i >= 0; i--) {
            if (!kinds[i].hasWildcard()) {
                lastAnchor = newTokens[i];
                break;
            }
        }
        fixedAnchor = fixedAnchor(newTokens, kinds, firstAnchor, lastAnchor);
        stemAnchor = stemAnchor(newTokens, kinds);
    }

    /** The signature this one now stands for: itself, or the one it was merged into (transitively). */
    LogCluster survivor() {
        LogCluster c = this;
        while (c.mergedInto != null) {
            c = c.mergedInto;
        }
        return c;
    }

    static TokenKind[] kindsOf(String[] tokens) {
        TokenKind[] kinds = new TokenKind[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            kinds[i] = TokenKind.of(tokens[i]);
        }
        return kinds;
    }

    String[] tokens() {
        return tokens;
    }

    TokenKind[] kinds() {
        return kinds;
    }

    String template() {
        return template;
    }

    /** The first token without a wildcard, or {@code null}. */
    String firstAnchor() {
        return firstAnchor;
    }

    /**
     * The first constant that can never be a value ({@link TokenKind#FIXED}: punctuation, a field, a state
     * or function word), when it is neither the first nor the last anchor; or {@code null}. Messages that
     * begin and end with values ({@code root : ... COMMAND=<*> -u kubelet}) still meet the templates that
     * generalized those ends.
     */
    static String fixedAnchor(String[] tokens, TokenKind[] kinds, String first, String last) {
        for (int i = 0; i < tokens.length; i++) {
            if (kinds[i] == TokenKind.FIXED) {
                String t = tokens[i];
                return t.equals(first) || t.equals(last) ? null : t;
            }
        }
        return null;
    }

    String fixedAnchor() {
        return fixedAnchor;
    }

    /**
     * For a first token that masking made a compound ({@code DHCPACK(<*>)}, {@code DHCPACK(eth<*>)}): its
     * leading letters, marked so that they never equal a token; or {@code null}. Such tokens are no anchors
     * of their own, and messages whose other tokens are values would otherwise never meet the templates.
     */
    static String stemAnchor(String[] tokens, TokenKind[] kinds) {
        if (tokens.length == 0 || kinds[0] != TokenKind.MASKED) {
            return null;
        }
        String first = tokens[0];
        int letters = 0;
        while (letters < first.length() && ValueShapes.isLetter(first.charAt(letters))) {
            letters++;
        }
        return letters >= 2 && letters < first.length() && first.charAt(letters) != '<'
                ? "\u0001" + first.substring(0, letters) : null;
    }

    String stemAnchor() {
        return stemAnchor;
    }

    /** The last token without a wildcard, or {@code null}. */
    String lastAnchor() {
        return lastAnchor;
    }
}
