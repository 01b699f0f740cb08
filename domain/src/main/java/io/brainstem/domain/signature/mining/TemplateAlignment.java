package io.brainstem.domain.signature.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a masked message fits a template, and what the template becomes if it does.
 *
 * <p>Templates and messages of the same length are compared position by position; otherwise their
 * longest common subsequence of equal tokens is taken and the stretches in between are compared.
 * Where they disagree:
 * <ul>
 *   <li>a template wildcard (or a masked token like {@code node-<*>}) takes a message token that fits it
 *       (a field's word value such as {@code user=alice} only where the signature's family made that
 *       position a word variable);
 *       a lone template {@code <*>} may take a stretch of several message tokens (variable-length
 *       values such as a user name with a space);</li>
 *   <li>a message wildcard that covers the template's token generalizes the template;</li>
 *   <li>words and identifiers on both sides generalize into one {@code <*>} (a <em>generalized
 *       region</em>) only where the token before them announces a value ({@code user news} vs
 *       {@code user cyrus}, see {@link TokenKind#namesAValue}); elsewhere a differing word is the event's
 *       wording ({@code to spawn the instance} vs {@code to destroy the instance});</li>
 *   <li>a parenthesised addition to a value that only one side has ({@code 512 bytes} vs
 *       {@code 1536 bytes (1.5 KB)}) is optional: the template keeps it and takes messages without it;</li>
 *   <li>two different units after a wildcard ({@code <*> KB} vs {@code <*> B}) become a wildcard;</li>
 *   <li>anything {@link TokenKind#FIXED} (state words, enum constants, fields, punctuation) or two
 *       different masked tokens ({@code eth<*>} vs {@code ppp<*>}) mean the message does not fit.</li>
 * </ul>
 * A fit that generalizes needs at least {@value #MIN_SHARED_FOR_GENERALIZING} shared constant tokens
 * and {@value #SHARED_PER_GENERALIZED_REGION} of them per generalized region, so short messages
 * ({@code Link ok}, {@code cupsd startup succeeded}) never lose their words.
 */
final class TemplateAlignment {

    static final int MIN_SHARED_FOR_GENERALIZING = 3;
    static final int SHARED_PER_GENERALIZED_REGION = 2;
    private static final int MAX_ALIGNMENT_CELLS = 1 << 16;
    static final int MAX_OPTIONAL_TOKENS = 4;
    static final int MAX_SIBLING_DIFFERENCES = 2;

    /**
     * A message fits a template.
     *
     * @param sharedConstants    tokens both hold as the same constant (with letters)
     * @param generalizedRegions stretches where words turned into a wildcard
     * @param merged             the template's new tokens, or {@code null} when it stays as it is
     */
    record Fit(int sharedConstants, int generalizedRegions, String[] merged, int equalTokens, int wordsTaken) {
    }

    private TemplateAlignment() {
    }

    /** The fit of {@code message} to {@code template}, or {@code null} when it does not fit. */
    static Fit fit(String[] template, TokenKind[] templateKinds, String[] message, TokenKind[] messageKinds,
                   long wordVariables) {
        return fit(template, templateKinds, message, messageKinds, wordVariables, 0);
    }

    /**
     * The fit, where the template's wildcards at the positions of {@code textVariables} (bits as
     * {@link #wordVariableBit}) take any run of message tokens: free text ({@link #tailPosition}).
     */
    static Fit fit(String[] template, TokenKind[] templateKinds, String[] message, TokenKind[] messageKinds,
                   long wordVariables, long textVariables) {
        Builder b = new Builder(template, templateKinds, message, messageKinds, wordVariables, textVariables);
        boolean ok = template.length == message.length ? b.positional() : b.aligned();
        if (!ok && template.length == message.length
                && (textVariables != 0 || hasTrailingField(template, message))) {
            b = new Builder(template, templateKinds, message, messageKinds, wordVariables, textVariables);
            ok = b.aligned();
        }
        if (!ok || (b.shared == 0 && b.covered == 0)) {
            return null;
        }
        if (b.generalized > 0 && (b.shared < MIN_SHARED_FOR_GENERALIZING
                || b.generalized * SHARED_PER_GENERALIZED_REGION > b.shared)) {
            return null;
        }
        return new Fit(b.shared, b.generalized, b.changed ? b.out.toArray(String[]::new) : null, b.equal,
                b.wordsTaken);
    }

    /**
     * Where {@code message} differs from {@code template} if they are <em>siblings</em>: the same length,
     * equal (or the template's wildcard covering the message's token) everywhere but at one or
     * {@value #MAX_SIBLING_DIFFERENCES} positions where both hold a value ({@link #variableTokens}), with at least
     * {@value #MIN_SHARED_FOR_GENERALIZING} shared constants and {@value #SHARED_PER_GENERALIZED_REGION} per
     * differing position. Returns the positions as {@link #siblingKey}, or {@code -1}.
     */
    static int siblingPosition(String[] template, TokenKind[] templateKinds, String[] message, TokenKind[] messageKinds,
                               long wordVariables) {
        if (template.length != message.length || template.length >= 1 << 15) {
            return -1;
        }
        int first = -1;
        int second = -1;
        int shared = 0;
        int equal = 0;
        boolean names = true;
        for (int i = 0; i < template.length; i++) {
            String a = template[i];
            String b = message[i];
            if (a.equals(b)) {
                equal++;
                if (hasConstantLetters(a)) {
                    shared++;
                }
                continue;
            }
            TokenKind ak = templateKinds[i];
            if (ak.hasWildcard() && globMatches(a, b) && (Builder.coversValueOnly(a, ak, b, messageKinds[i])
                    || (isWordVariable(wordVariables, i) && coversAWord(a, b)))) {
                continue;
            }
            if (second >= 0 || !variableTokens(a, ak, b, messageKinds[i])) {
                return -1;
            }
            names &= isNamePair(a, ak, b, messageKinds[i]);
            if (first < 0) {
                first = i;
            } else {
                second = i;
            }
        }
        int differing = second >= 0 ? 2 : 1;
        if (first < 0) {
            return -1;
        }
        boolean wording = shared >= MIN_SHARED_FOR_GENERALIZING && shared >= SHARED_PER_GENERALIZED_REGION * differing;
        boolean shape = names && equal >= SHARED_PER_GENERALIZED_REGION * differing;
        if (!wording && !shape) {
            return -1;
        }
        return siblingKey(first, second < 0 ? first : second);
    }

    /**
     * Whether two differing tokens may be two values of one variable: two words or identifiers, or one
     * token around two differing words ({@code user=alice} and {@code user=bob}, {@code alice(uid=<*>)} and
     * {@code bob(uid=<*>)}; not {@code state=up} and {@code state=down}).
     */
    static boolean variableTokens(String a, TokenKind ak, String b, TokenKind bk) {
        return (TokenKind.mayVaryInFamily(a, ak) && TokenKind.mayVaryInFamily(b, bk)) || generalizedToken(a, b) != null;
    }

    /**
     * Where {@code message} differs from {@code template} if it is a <em>tail sibling</em>: both begin with
     * the same tokens, then go on with free texts that share no word. Either
     * <ul>
     *   <li>the beginning (at least one constant with letters) is followed by a name each
     *       ({@link #isNamePair}, or a wildcard and a value), then the same separator of punctuation only,
     *       then the texts ({@code Started nginx.service - A high performance web server.} and
     *       {@code Started sshd.service - OpenSSH server daemon.}: a name and its description, printed as one
     *       {@code %s}); or</li>
     *   <li>the beginning has at least {@value #MIN_SHARED_FOR_GENERALIZING} tokens, {@value
     *       #SHARED_PER_GENERALIZED_REGION} of them constants with letters, and the texts begin with a word
     *       that may be a value (not a state word: {@code is down: ...} and {@code is up: ...} stay apart),
     *       or anything after a label ({@code Product: USB Optical Mouse}),
     *       one of them at least two tokens long, and both words without values or state words
     *       ({@code neighbor <*> Down Interface flap} and {@code neighbor <*> Down Hold timer expired}: a
     *       reason; not {@code Adjacency to host1 (<*>) Up, new adjacency} and
     *       {@code Adjacency to host2 (<*>) Down, ...}).</li>
     * </ul>
     * Returns the key ({@link #tailKey}), or {@code -1}.
     */
    static int tailPosition(String[] template, TokenKind[] templateKinds, String[] message, TokenKind[] messageKinds) {
        int max = Math.min(template.length, message.length);
        int k = 0;
        int lettered = 0;
        while (k < max && template[k].equals(message[k])) {
            lettered += hasConstantLetters(template[k]) ? 1 : 0;
            k++;
        }
        if (lettered == 0 || k >= max || k >= Long.SIZE - 2) {
            return -1;
        }
        String a = template[k];
        String b = message[k];
        TokenKind ak = templateKinds[k];
        TokenKind bk = messageKinds[k];
        if (k + 2 < max && template[k + 1].equals(message[k + 1]) && isPunctuation(template[k + 1])
                && ((ak.hasWildcard() && bk.canBeValue()) || (bk.hasWildcard() && ak.canBeValue())
                || isNamePair(a, ak, b, bk))) {
            return disjoint(template, message, k + 2) ? tailKey(k, true) : -1;
        }
        boolean labelled = TokenKind.isLabel(template[k - 1]);
        if (k >= MIN_SHARED_FOR_GENERALIZING && lettered >= SHARED_PER_GENERALIZED_REGION
                && (labelled || (ak.canBeValue() && bk.canBeValue())) && !ak.hasWildcard() && !bk.hasWildcard()
                && hasConstantLetters(a) && hasConstantLetters(b)
                && (template.length - k >= 2 || message.length - k >= 2) && disjoint(template, message, k)
                && (labelled || (wordsOnly(template, templateKinds, k) && wordsOnly(message, messageKinds, k)))) {
            return tailKey(k, false);
        }
        return -1;
    }

    /**
     * Whether the tokens from {@code from} on are a reason in words: no values (wildcards) and no state
     * words ({@link TokenKind#isStateWord}: {@code Up,}, {@code Down,}, {@code closed}).
     */
    private static boolean wordsOnly(String[] tokens, TokenKind[] kinds, int from) {
        return wordsOnly(tokens, kinds, from, tokens.length);
    }

    static boolean wordsOnly(String[] tokens, TokenKind[] kinds, int from, int to) {
        for (int i = from; i < to; i++) {
            if (kinds[i].hasWildcard() || (kinds[i] == TokenKind.FIXED && TokenKind.isStateWord(tokens[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A tail family's key: where its free text starts, and whether a name and a separator come first. */
    static int tailKey(int position, boolean named) {
        return position << 1 | (named ? 1 : 0);
    }

    static int tailPositionOf(int key) {
        return key >>> 1;
    }

    static boolean tailNamed(int key) {
        return (key & 1) != 0;
    }

    /** Whether the tails from {@code from} on share no token with letters. */
    private static boolean disjoint(String[] template, String[] message, int from) {
        for (int i = from; i < template.length; i++) {
            if (!hasConstantLetters(template[i])) {
                continue;
            }
            for (int j = from; j < message.length; j++) {
                if (template[i].equals(message[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPunctuation(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (ValueShapes.isLetter(c) || ValueShapes.isDigit(c) || c == '<') {
                return false;
            }
        }
        return !token.isEmpty();
    }

    /**
     * Whether two differing tokens look like two names rather than two wordings: identifiers
     * ({@code nginx.service}, {@code be_api}, {@code https-in}) that share no delimited part, or one token
     * around two differing names ({@code be_app/<*>} and {@code be_api/<*>}). Not {@code query[A]} and
     * {@code query[AAAA]}: the part that differs there is an enum constant.
     */
    static boolean isNamePair(String a, TokenKind ak, String b, TokenKind bk) {
        String token = generalizedToken(a, b);
        if (token != null) {
            return !token.equals(MessageMasker.WILDCARD);
        }
        return ak == TokenKind.IDENTIFIER && bk == TokenKind.IDENTIFIER && !sharesDelimitedPart(a, b);
    }

    private static boolean sharesDelimitedPart(String a, String b) {
        return delimitedSharedEnds(a, b) != 0;
    }

    /**
     * How much {@code a} and {@code b} share at their start and at their end, each cut back to a punctuation
     * boundary (never inside a name): the prefix length in the high 32 bits, the suffix length in the low 32.
     */
    private static long delimitedSharedEnds(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        while (prefix > 0 && isNameChar(a.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        while (suffix > 0 && isNameChar(a.charAt(a.length() - suffix))) {
            suffix--;
        }
        return ((long) prefix << 32) | suffix;
    }

    /**
     * {@code a} with the part where it differs from {@code b} replaced by {@code <*>}, when that part is
     * delimited by punctuation and a word or an identifier on both sides; otherwise {@code null}.
     */
    static String generalizedToken(String a, String b) {
        long ends = delimitedSharedEnds(a, b);
        if (ends == 0) {
            return null;
        }
        int prefix = (int) (ends >>> 32);
        int suffix = (int) ends;
        String middleA = a.substring(prefix, a.length() - suffix);
        String middleB = b.substring(prefix, b.length() - suffix);
        if (middleA.isEmpty() || middleB.isEmpty() || middleA.contains(MessageMasker.WILDCARD)
                || middleB.contains(MessageMasker.WILDCARD) || !TokenKind.mayVaryInFamily(middleA, TokenKind.of(middleA))
                || !TokenKind.mayVaryInFamily(middleB, TokenKind.of(middleB))) {
            return null;
        }
        return a.substring(0, prefix) + MessageMasker.WILDCARD + a.substring(a.length() - suffix);
    }

    private static boolean isNameChar(char c) {
        return ValueShapes.isLetter(c) || ValueShapes.isDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /**
     * Whether a field's wildcard ({@code COMMAND=<*>}) that both hold at the same position is followed by
     * something in the template: then the rest of the message may be the field's value
     * ({@link #isFieldWildcard}), which a positional comparison cannot see.
     */
    private static boolean hasTrailingField(String[] template, String[] message) {
        for (int i = template.length - 2; i >= 0; i--) {
            if (isFieldWildcard(template[i]) && template[i].equals(message[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A field whose value is a wildcard ({@code COMMAND=<*>}, {@code args=<*>}). When it is the last token
     * two messages share and only values follow it in each, the value is taken to run to the end of the
     * message: the arguments of a command line ({@code COMMAND=/usr/bin/apt update} and
     * {@code COMMAND=/bin/systemctl restart nginx}) vary in number.
     */
    static boolean isFieldWildcard(String token) {
        return token.length() > 4 && token.endsWith("=" + MessageMasker.WILDCARD)
                && ValueShapes.isLetter(token.charAt(token.length() - 5));
    }

    /**
     * The common stem when two words are the singular and plural of one noun ({@code packet} and
     * {@code packets}, {@code attempt<*>} and {@code attempts}): the count decides the ending, not the
     * event. Returns {@code stem<*>}, or {@code null}.
     */
    static String pluralStem(String a, String b) {
        String stem = stemOf(a);
        if (stem == null) {
            return null;
        }
        String other = stemOf(b);
        if (!stem.equals(other)) {
            return null;
        }
        return stem + MessageMasker.WILDCARD;
    }

    /** {@code attempts}, {@code attempt} and {@code attempt<*>} give {@code attempt}; null if not a plain word. */
    private static String stemOf(String token) {
        String word = token.endsWith(MessageMasker.WILDCARD)
                ? token.substring(0, token.length() - MessageMasker.WILDCARD.length()) : token;
        if (word.length() < 3) {
            return null;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!ValueShapes.isAsciiLetter(word.charAt(i)) || !Character.isLowerCase(word.charAt(i))) {
                return null;
            }
        }
        if (word != token || !word.endsWith("s") || word.endsWith("ss")) {
            return word;
        }
        return word.substring(0, word.length() - 1);
    }

    /**
     * Two tokens that are the same but for their version numbers ({@code HTTP/1.1"} and {@code HTTP/2.0"},
     * {@code TLSv1.2} and {@code TLSv1.3}): the token with each dotted run of digits masked, or {@code null}.
     * Plain numbers stay ({@code Layer4} and {@code Layer7}, {@code eth0} and {@code eth1} differ). A name with a short version stays literal while it does not vary (ADR 15);
     * two versions of it in otherwise equal messages make the version a value.
     */
    static String sameButNumbers(String a, String b) {
        if (a.contains(MessageMasker.WILDCARD) || b.contains(MessageMasker.WILDCARD) || !hasDigit(a) || !hasDigit(b)) {
            return null;
        }
        String ma = maskNumbers(a);
        return ma.contains(MessageMasker.WILDCARD) && ma.equals(maskNumbers(b)) && hasConstantLetters(ma) ? ma : null;
    }

    private static String maskNumbers(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            if (!ValueShapes.isDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            boolean dotted = false;
            while (i < token.length() && (ValueShapes.isDigit(token.charAt(i))
                    || (token.charAt(i) == '.' && i + 1 < token.length() && ValueShapes.isDigit(token.charAt(i + 1))))) {
                dotted |= token.charAt(i) == '.';
                i++;
            }
            if (dotted) {
                out.append(MessageMasker.WILDCARD);
            } else {
                out.append(token, start, i);
            }
        }
        return out.toString();
    }

    /** The bit of position {@code i} in a signature's set of word variables (positions past 63 have none). */
    static long wordVariableBit(int i) {
        return i < Long.SIZE ? 1L << i : 0;
    }

    static boolean isWordVariable(long wordVariables, int i) {
        return (wordVariables & wordVariableBit(i)) != 0;
    }

    /** Whether the one wildcard of {@code pattern} (which glob-matches {@code value}) covers a word of it. */
    static boolean coversAWord(String pattern, String value) {
        int open = pattern.indexOf(MessageMasker.WILDCARD);
        if (open < 0 || open != pattern.lastIndexOf(MessageMasker.WILDCARD)) {
            return false;
        }
        int tail = pattern.length() - open - MessageMasker.WILDCARD.length();
        String covered = value.substring(open, value.length() - tail);
        return !covered.isEmpty() && TokenKind.mayVaryInFamily(covered, TokenKind.of(covered));
    }

    /** The differing positions of two siblings in one {@code int}: {@code first << 15 | second}. */
    static int siblingKey(int first, int second) {
        return first << 15 | second;
    }

    static int firstOf(int siblingKey) {
        return siblingKey >>> 15;
    }

    static int secondOf(int siblingKey) {
        return siblingKey & ((1 << 15) - 1);
    }

    private static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (ValueShapes.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Glob match: each {@code <*>} in {@code pattern} stands for any run of characters, also none. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        int pl = pattern.length();
        int tl = text.length();
        while (t < tl) {
            if (pattern.startsWith(MessageMasker.WILDCARD, p)) {
                starP = p += 3;
                starT = t;
            } else if (p < pl && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (pattern.startsWith(MessageMasker.WILDCARD, p)) {
            p += 3;
        }
        return p == pl;
    }

    /**
     * Whether {@code tokens[from, to)} is an optional addition to a value: a parenthesised group of at most
     * {@value #MAX_OPTIONAL_TOKENS} tokens holding only masked values, units and punctuation, right after a
     * value ({@code 1536 bytes (1.5 KB)}, {@code took 3 ms (<*>%)}). A template may have it or not.
     */
    static boolean isOptionalPart(String[] tokens, TokenKind[] kinds, int from, int to) {
        if (to - from > MAX_OPTIONAL_TOKENS || from == 0 || !tokens[from].startsWith("(")
                || !closesGroup(tokens[to - 1])) {
            return false;
        }
        boolean value = false;
        for (int i = from; i < to; i++) {
            if (kinds[i].hasWildcard()) {
                value = true;
            } else if (!TokenKind.isUnit(tokens[i]) && hasConstantLetters(tokens[i])) {
                return false;
            }
        }
        int before = from - 1;
        boolean afterValue = kinds[before].hasWildcard()
                || (before > 0 && kinds[before - 1].hasWildcard() && TokenKind.isUnit(tokens[before]));
        return value && afterValue;
    }

    private static boolean closesGroup(String token) {
        int end = token.length();
        while (end > 0 && ",;:.".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && token.charAt(end - 1) == ')';
    }

    private static boolean hasConstantLetters(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '<' && token.startsWith(MessageMasker.WILDCARD, i)) {
                i += 2;
            } else if (ValueShapes.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static final class Builder {
        private final String[] t;
        private final TokenKind[] tk;
        private final String[] m;
        private final TokenKind[] mk;
        private final List<String> out;
        private final long wordVariables;
        private final long textVariables;
        private int shared;
        private int equal;
        /** Template tokens with constant letters around a wildcard that took the message's token. */
        private int covered;
        /** Message words and identifiers (not masked values) that a template wildcard took. */
        private int wordsTaken;
        private int generalized;
        private boolean changed;

        Builder(String[] t, TokenKind[] tk, String[] m, TokenKind[] mk, long wordVariables, long textVariables) {
            this.wordVariables = wordVariables;
            this.textVariables = textVariables;
            this.t = t;
            this.tk = tk;
            this.m = m;
            this.mk = mk;
            this.out = new ArrayList<>(Math.max(t.length, m.length));
        }

        boolean positional() {
            for (int i = 0; i < t.length; i++) {
                if (!pair(i, i)) {
                    return false;
                }
            }
            return true;
        }

        boolean aligned() {
            int n = t.length;
            int k = m.length;
            if ((long) (n + 1) * (k + 1) > MAX_ALIGNMENT_CELLS) {
                return false;
            }
            int[][] lcs = new int[n + 1][k + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = k - 1; j >= 0; j--) {
                    lcs[i][j] = same(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            int gapT = 0;
            int gapM = 0;
            while (i < n && j < k) {
                if (same(i, j) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                    if (!gap(gapT, i, gapM, j)) {
                        return false;
                    }
                    pair(i, j);
                    gapT = ++i;
                    gapM = ++j;
                } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                    i++;
                } else {
                    j++;
                }
            }
            return gap(gapT, n, gapM, k);
        }

        /**
         * Whether the free text at template position {@code i} may start with message token {@code j}: after a
         * separator ({@code - }) anything, otherwise a token that may be a value (a reason, not {@code BGP}
         * or {@code down:}), as when the family formed ({@link TemplateAlignment#tailPosition}).
         */
        private boolean textMayStartWith(int i, int j) {
            return afterSeparator(i) || (mk[j].canBeValue() && !mk[j].hasWildcard());
        }

        /** Whether the free text at template position {@code i} follows a separator or a label. */
        private boolean afterSeparator(int i) {
            return i > 0 && (isPunctuation(t[i - 1]) || TokenKind.isLabel(t[i - 1]));
        }



        /** Equal tokens the alignment may pair: a free-text wildcard is never paired, it takes a stretch. */
        private boolean same(int i, int j) {
            return t[i].equals(m[j]) && (textVariables == 0 || !isWordVariable(textVariables, i));
        }

        /** Compares the stretches {@code t[ts, te)} and {@code m[ms, me)} that lie between shared tokens. */
        private boolean gap(int ts, int te, int ms, int me) {
            int tl = te - ts;
            int ml = me - ms;
            if (tl == 0 && ml == 0) {
                return true;
            }
            if (ml == 0 && isOptionalPart(t, tk, ts, te)) {
                for (int i = ts; i < te; i++) {
                    out.add(t[i]);
                }
                return true;
            }
            if (tl == 0 && isOptionalPart(m, mk, ms, me)) {
                for (int j = ms; j < me; j++) {
                    out.add(m[j]);
                }
                changed = true;
                return true;
            }
            if (te == t.length && me == m.length && ts > 0 && ms > 0 && isFieldWildcard(t[ts - 1])
                    && t[ts - 1].equals(m[ms - 1]) && allValues(t, tk, ts, te) && allValues(m, mk, ms, me)) {
                if (tl > 0) {
                    generalized++;
                    changed = true;
                }
                return true;
            }
            if (tl == 0 || ml == 0) {
                return false;
            }
            if (tl == 1 && tk[ts] == TokenKind.WILDCARD && isWordVariable(textVariables, ts)) {
                if (!textMayStartWith(ts, ms) || (!afterSeparator(ts) && !wordsOnly(m, mk, ms, me))) {
                    return false;
                }
                out.add(MessageMasker.WILDCARD);
                return true;
            }
            if (tl == 1 && ml == 1) {
                return pair(ts, ms);
            }
            for (int j = ms; j < me; j++) {
                if (!mk[j].canBeValue()) {
                    return false;
                }
            }
            if (tl == 1 && tk[ts] == TokenKind.WILDCARD) {
                wordsTaken++;
                out.add(MessageMasker.WILDCARD);
                return true;
            }
            for (int i = ts; i < te; i++) {
                if (!tk[i].canBeValue()) {
                    return false;
                }
            }
            if (!named(ts)) {
                return false;
            }
            generalized++;
            changed = true;
            out.add(MessageMasker.WILDCARD);
            return true;
        }

        /** Whether {@code tokens[from, to)} may be a field's value: values or punctuation, no other field. */
        private static boolean allValues(String[] tokens, TokenKind[] kinds, int from, int to) {
            for (int i = from; i < to; i++) {
                if (tokens[i].indexOf('=') >= 0 || (!kinds[i].canBeValue() && hasLetters(tokens[i]))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean hasLetters(String token) {
            for (int i = 0; i < token.length(); i++) {
                if (ValueShapes.isLetter(token.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Compares one template token with one message token. */
        private boolean pair(int i, int j) {
            String a = t[i];
            String b = m[j];
            if (a.equals(b)) {
                equal++;
                if (hasConstantLetters(a)) {
                    shared++;
                }
                out.add(a);
                return true;
            }
            if (tk[i] == TokenKind.WILDCARD && isWordVariable(textVariables, i)) {
                if (!textMayStartWith(i, j)) {
                    return false;
                }
                out.add(a);
                return true;
            }
            String stem = pluralStem(a, b);
            if (stem != null) {
                shared++;
                if (!stem.equals(a)) {
                    changed = true;
                }
                out.add(stem);
                return true;
            }
            String numbered = sameButNumbers(a, b);
            if (numbered != null) {
                shared++;
                changed = true;
                out.add(numbered);
                return true;
            }
            TokenKind ak = tk[i];
            TokenKind bk = mk[j];
            if (ak.hasWildcard() && globMatches(a, b)) {
                if (!coversValueOnly(a, ak, b, bk) && !(isWordVariable(wordVariables, i) && coversAWord(a, b))) {
                    return false;
                }
                if (hasConstantLetters(a)) {
                    covered++;
                }
                if (bk.isWordValue()) {
                    wordsTaken++;
                }
                out.add(a);
                return true;
            }
            if (bk.hasWildcard() && globMatches(b, a)) {
                if (!coversValueOnly(b, bk, a, ak)) {
                    return false;
                }
                if (!ak.hasWildcard() && ak.canBeValue()) {
                    if (!named(i)) {
                        return false;
                    }
                    generalized++;
                }
                changed = true;
                out.add(b);
                return true;
            }
            if (i > 0 && tk[i - 1].hasWildcard() && TokenKind.isUnit(a) && TokenKind.isUnit(b)) {
                int from = TokenKind.letterStart(a);
                changed = true;
                out.add(a.substring(0, from) + MessageMasker.WILDCARD + a.substring(TokenKind.letterEnd(a, from)));
                return true;
            }
            if (ak.hasWildcard() || bk.hasWildcard() || !ak.canBeValue() || !bk.canBeValue() || !named(i)
                    || hasDigit(a) || hasDigit(b)) {
                return false;
            }
            generalized++;
            changed = true;
            out.add(MessageMasker.WILDCARD);
            return true;
        }

        /** Whether the template token before position {@code i} announces a value ({@code user}, {@code host}). */
        private boolean named(int i) {
            return i > 0 && !tk[i - 1].hasWildcard() && TokenKind.namesAValue(t[i - 1]);
        }

        /**
         * Whether a wildcard token may stand for {@code value}: always for words and identifiers; for a
         * {@link TokenKind#FIXED} value only when the wildcard covers no letters of it, so {@code (<*>)}
         * takes {@code ()} and {@code <*>} takes the root path {@code /} or an empty {@code -}, but
         * {@code user=<*>} does not take {@code user=root} and {@code <*>} does not take {@code down}. (Where a family made a field a word variable, {@link TemplateAlignment#coversAWord} lets
         * {@code user=<*>} take {@code user=alice}.)
         */
        private static boolean coversValueOnly(String pattern, TokenKind patternKind, String value, TokenKind kind) {
            if (kind.canBeValue()) {
                return kind == TokenKind.WORD || !hidesStateWord(pattern, value);
            }
            return patternKind.hasWildcard() && letters(value) == letters(pattern);
        }

        /**
         * Whether a compound value holds, as one of its parts, a word kept literal (ADR 9) that the pattern's
         * wildcard would cover: {@code <*>[<*>]} must not take {@code unknown[10.0.0.1]}.
         */
        private static boolean hidesStateWord(String pattern, String value) {
            int i = 0;
            while (i < value.length()) {
                while (i < value.length() && !ValueShapes.isLetter(value.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < value.length() && (ValueShapes.isLetter(value.charAt(i)) || ValueShapes.isDigit(value.charAt(i))
                        || "_-.".indexOf(value.charAt(i)) >= 0)) {
                    i++;
                }
                if (i > start) {
                    String part = value.substring(start, i);
                    if (!part.equals(value) && LiteralWords.keptLiteral(part) && !pattern.contains(part)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static int letters(String token) {
            int n = 0;
            for (int i = 0; i < token.length(); i++) {
                if (ValueShapes.isLetter(token.charAt(i))) {
                    n++;
                }
            }
            return n;
        }
    }
}
