package io.brainstem.domain.signature.mining;

/**
 * Turns a message into its masked form in one pass: whitespace-separated tokens, variable values
 * replaced by {@value #WILDCARD}, single spaces between tokens. The masked form is the exact-match key
 * of the miner and, split at spaces, the token list it aligns against templates.
 *
 * <p>Rules, applied to each token after peeling brackets, quotes and trailing punctuation (which are kept):
 * <ul>
 *   <li>a single-token value in quotes becomes {@code '<*>'} unless it is a state word or enum
 *       constant;</li>
 *   <li>URLs, e-mail addresses, IPv4/IPv6 (with ports), MACs, UUIDs, paths, DNS host names (with a
 *       port) and Java object identities ({@code Cache@1b6d3586}) become {@code <*>};</li>
 *   <li>{@code key=value} and {@code key:value} keep the key and mask the value by these same rules, so
 *       {@code uid=0} gives {@code uid=<*>} while {@code action=deny} stays as it is;</li>
 *   <li>numbers (signed, decimal, hex, with a short unit such as {@code ms}, {@code KB}, {@code %}) and
 *       tokens made only of digits and punctuation (times, dates, versions) become {@code <*>};</li>
 *   <li>names with a short version ({@code HTTP/1.1}, {@code TLSv1.3}, {@code IPv6}) stay as they are;</li>
 *   <li>other tokens with digits are masked run by run: a word with a short numeric suffix stays whole
 *       when it is the whole token ({@code eth0}, {@code ssh2}: whether it varies is the miner's decision)
 *       and keeps its letters elsewhere ({@code node-D<*>}, {@code dev=eth<*>}), a token mostly made of
 *       numeric runs becomes
 *       {@code <*>} ({@code blk_-42}, {@code attempt_1445_0020_m_3}), otherwise each numeric run is masked
 *       ({@code node-12} gives {@code node-<*>});</li>
 *   <li>month and weekday names next to a date, and time zones after a time, become {@code <*>};</li>
 *   <li>a repetition of one to three tokens holding a wildcard collapses into one period
 *       ({@code <*> <*> <*>}, {@code blk_<*> blk_<*>}, {@code node-<*> <ok> node-<*> <ok>}), so lists of
 *       values of any length share a template.</li>
 * </ul>
 * Words without digits are never masked here: whether they vary is the miner's decision.
 * One instance per miner; not thread-safe (it reuses its buffers).
 */
final class MessageMasker {

    static final String WILDCARD = "<*>";

    private static final int MAX_REPEAT_PERIOD = 3;
    private static final String[] MONTHS = {
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] TIME_ZONES = {
            "UTC", "GMT", "Z", "PST", "PDT", "MST", "MDT", "CST", "CDT", "EST", "EDT", "CET", "CEST", "BST",
            "IST", "JST", "KST", "EET", "EEST", "WET", "AEST", "AEDT", "HKT", "SGT"};

    private final StringBuilder out = new StringBuilder(256);
    private int[] rawStart = new int[64];
    private int[] rawEnd = new int[64];
    private int[] tokenStart = new int[64];
    private int[] tokenLength = new int[64];
    private int[] tokenMark = new int[64];
    private int tokens;
    private boolean inFieldValue;

    /** Masks {@code message} and returns its masked form as a new string. */
    String mask(String message) {
        maskInPlace(message);
        return out.toString();
    }

    /** Masks {@code message} into this masker's buffer, returned without copying (valid until the next call). */
    CharSequence maskInPlace(String message) {
        out.setLength(0);
        int raw = splitRaw(message);
        tokens = 0;
        for (int t = 0; t < raw; t++) {
            int mark = out.length();
            if (mark > 0) {
                out.append(' ');
            }
            int tokenStart = out.length();
            if (isDateWord(message, t, raw)) {
                out.append(WILDCARD);
            } else {
                maskPeeled(message, rawStart[t], rawEnd[t]);
            }
            addToken(tokenStart, out.length() - tokenStart, mark);
        }
        return out;
    }

    /**
     * Records the token just written, then drops the last period of a repetition: when the last one,
     * two or three tokens, holding a wildcard, equal the ones before them ({@code <*> <*>},
     * {@code node-<*> <*> <ok> node-<*> <*> <ok>}).
     */
    private void addToken(int start, int length, int mark) {
        if (tokens == tokenStart.length) {
            tokenStart = java.util.Arrays.copyOf(tokenStart, tokens * 2);
            tokenLength = java.util.Arrays.copyOf(tokenLength, tokens * 2);
            tokenMark = java.util.Arrays.copyOf(tokenMark, tokens * 2);
        }
        tokenStart[tokens] = start;
        tokenLength[tokens] = length;
        tokenMark[tokens] = mark;
        tokens++;
        for (int period = 1; period <= MAX_REPEAT_PERIOD && 2 * period <= tokens; period++) {
            boolean wildcard = false;
            boolean repeated = true;
            for (int k = tokens - period; k < tokens && repeated; k++) {
                repeated = sameToken(k, k - period);
                wildcard |= indexOfWildcard(tokenStart[k], tokenStart[k] + tokenLength[k]) >= 0;
            }
            if (repeated && wildcard) {
                out.setLength(tokenMark[tokens - period]);
                tokens -= period;
                return;
            }
        }
    }

    private boolean sameToken(int a, int b) {
        int length = tokenLength[a];
        if (length != tokenLength[b]) {
            return false;
        }
        int sa = tokenStart[a];
        int sb = tokenStart[b];
        for (int i = 0; i < length; i++) {
            if (out.charAt(sa + i) != out.charAt(sb + i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOfWildcard(int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            if (out.charAt(i) == '<' && out.charAt(i + 1) == '*' && out.charAt(i + 2) == '>') {
                return i;
            }
        }
        return -1;
    }

    private int splitRaw(String s) {
        int n = 0;
        int len = s.length();
        int i = 0;
        while (i < len) {
            while (i < len && s.charAt(i) <= ' ') {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            while (i < len && s.charAt(i) > ' ') {
                i++;
            }
            if (n == rawStart.length) {
                rawStart = java.util.Arrays.copyOf(rawStart, n * 2);
                rawEnd = java.util.Arrays.copyOf(rawEnd, n * 2);
            }
            rawStart[n] = start;
            rawEnd[n] = i;
            n++;
        }
        return n;
    }

    private boolean isDateWord(String s, int t, int raw) {
        int from = rawStart[t];
        int to = rawEnd[t];
        int len = to - from;
        char first = s.charAt(from);
        if (len > 4 || first < 'A' || first > 'Z') {
            return false;
        }
        if (ValueShapes.oneOfIgnoringCase(s, from, to, MONTHS)) {
            return (t + 1 < raw && isDayOrYear(s, rawStart[t + 1], rawEnd[t + 1]))
                    || (t > 0 && isDayOrYear(s, rawStart[t - 1], rawEnd[t - 1]));
        }
        if (ValueShapes.oneOfIgnoringCase(s, from, to, WEEKDAYS)) {
            int next = t + 1;
            return next < raw && ValueShapes.oneOfIgnoringCase(
                    s, rawStart[next], trimComma(s, rawStart[next], rawEnd[next]), MONTHS);
        }
        if (ValueShapes.oneOfIgnoringCase(s, from, to, TIME_ZONES)) {
            return t > 0 && isClockTime(s, rawStart[t - 1], rawEnd[t - 1]);
        }
        return false;
    }

    private static int trimComma(String s, int from, int to) {
        return to > from && s.charAt(to - 1) == ',' ? to - 1 : to;
    }

    private static boolean isDayOrYear(String s, int from, int to) {
        to = trimComma(s, from, to);
        int len = to - from;
        return (len <= 2 || len == 4) && ValueShapes.allDigits(s, from, to);
    }

    private static boolean isClockTime(String s, int from, int to) {
        int colons = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!ValueShapes.isDigit(c) && c != '.') {
                return false;
            }
        }
        return colons >= 1;
    }

    /** Peels brackets, quotes and trailing punctuation, masks the core, puts the peeled characters back. */
    private void maskPeeled(String s, int from, int to) {
        maskPeeled(s, from, to, false);
    }

    /**
     * Masks {@code s[from, to)} without what surrounds its core: brackets, quotes and trailing punctuation
     * for a token, or brackets and punctuation at either end for one part of a compound.
     */
    private void maskPeeled(String s, int from, int to, boolean part) {
        int cs = from;
        while (cs < to && (part ? isBracketOrPunctuation(s.charAt(cs)) : isOpener(s.charAt(cs)))) {
            cs++;
        }
        int ce = to;
        while (ce > cs && (part ? isBracketOrPunctuation(s.charAt(ce - 1)) : isCloser(s.charAt(ce - 1)))) {
            ce--;
        }
        out.append(s, from, cs);
        if (!part && isQuotedValue(s, from, cs, ce)) {
            out.append(WILDCARD);
        } else {
            maskCore(s, cs, ce);
        }
        out.append(s, ce, to);
    }

    /**
     * A single-token value in quotes ({@code 'sparkDriver'}, {@code "eth0"}) is a value unless it is a
     * state word or another {@link TokenKind#FIXED} token: {@code 'down'} stays.
     */
    private static boolean isQuotedValue(String s, int from, int cs, int ce) {
        if (cs == from || ce == cs || ce >= s.length()) {
            return false;
        }
        char quote = s.charAt(cs - 1);
        if ((quote != '\'' && quote != '"' && quote != '`') || s.charAt(ce) != quote) {
            return false;
        }
        return TokenKind.of(s.substring(cs, ce)).canBeValue();
    }

    private static boolean isOpener(char c) {
        return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '`';
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '}' || c == '>' || c == '"' || c == '\'' || c == '`' || c == ','
                || c == ';' || c == ':' || c == '.' || c == '!' || c == '?';
    }

    private void maskCore(String s, int from, int to) {
        if (from >= to) {
            return;
        }
        int digits = 0;
        int letters = 0;
        int firstEquals = -1;
        int firstColon = -1;
        boolean at = false;
        boolean scheme = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (ValueShapes.isDigit(c)) {
                digits++;
            } else if (ValueShapes.isLetter(c)) {
                letters++;
            } else if (c == '=') {
                if (firstEquals < 0) {
                    firstEquals = i;
                }
            } else if (c == ':') {
                if (firstColon < 0) {
                    firstColon = i;
                }
                if (i + 2 < to && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                    scheme = true;
                }
            } else if (c == '@') {
                at = true;
            }
        }
        if (digits == 0 && letters == 0) {
            out.append(s, from, to);
            return;
        }
        if (scheme || (at && ValueShapes.isEmail(s, from, to))) {
            out.append(WILDCARD);
            return;
        }
        if (firstEquals > from && isKey(s, from, firstEquals)) {
            out.append(s, from, firstEquals + 1);
            boolean outer = inFieldValue;
            inFieldValue = true;
            maskPeeled(s, firstEquals + 1, to);
            inFieldValue = outer;
            return;
        }
        int bracket = innerBracket(s, from, to);
        if (bracket > 0) {
            maskCompound(s, from, to, bracket);
            return;
        }
        if (ValueShapes.isPath(s, from, to) || ValueShapes.isHostname(s, from, to)
                || (firstColon > from && isHostAndPortOrHost(s, from, firstColon, to))
                || (at && isObjectIdentity(s, from, to))) {
            out.append(WILDCARD);
            return;
        }
        if (digits > 0 && !inFieldValue && isVersionedName(s, from, to)) {
            out.append(s, from, to);
            return;
        }
        if (digits > 0) {
            if (letters == 0 || ValueShapes.isNumber(s, from, to) || ValueShapes.isIpv6(s, from, to)
                    || ValueShapes.isUuid(s, from, to) || ValueShapes.isMac(s, from, to)
                    || ValueShapes.isHexString(s, from, to)) {
                out.append(WILDCARD);
                return;
            }
        }
        if (firstColon > from && firstColon < to - 1 && isKey(s, from, firstColon)
                && firstDigit(s, from, firstColon) < 0) {
            out.append(s, from, firstColon + 1);
            boolean outer = inFieldValue;
            inFieldValue = true;
            maskPeeled(s, firstColon + 1, to);
            inFieldValue = outer;
            return;
        }
        if (digits == 0) {
            out.append(s, from, to);
            return;
        }
        maskRuns(s, from, to);
    }

    /**
     * A name with a short version or number attached, which reads as one word: {@code HTTP/1.1},
     * {@code TLSv1.3}, {@code IPv6}, {@code ssh2}, {@code SMBv3.1.1}. Two or more letters, an optional
     * {@code v} or {@code /}, then one or two digits, at most twice more {@code .} and one or two digits.
     */
    private static boolean isVersionedName(String s, int from, int to) {
        int i = from;
        while (i < to && ValueShapes.isAsciiLetter(s.charAt(i))) {
            i++;
        }
        if (i - from < 2 || i == to) {
            return false;
        }
        if (s.charAt(i) == '/') {
            i++;
        }
        for (int part = 0; part < 4; part++) {
            int digits = 0;
            while (i < to && ValueShapes.isDigit(s.charAt(i)) && digits < 3) {
                i++;
                digits++;
            }
            if (digits == 0 || digits > 2) {
                return false;
            }
            if (i == to) {
                return true;
            }
            if (s.charAt(i) != '.' || part == 2) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** {@code db1.example.com:5432} or {@code a.example.com:b.example.com}. */
    private static boolean isHostAndPortOrHost(String s, int from, int colon, int to) {
        return colon + 1 < to && ValueShapes.isHostname(s, from, colon)
                && (ValueShapes.allDigits(s, colon + 1, to) || ValueShapes.isHostname(s, colon + 1, to));
    }

    /** An object's identity as Java prints it: {@code com.example.Cache@1b6d3586}. */
    private static boolean isObjectIdentity(String s, int from, int to) {
        int at = s.lastIndexOf('@', to - 1);
        return at > from && ValueShapes.isHexString(s, at + 1, to) || (at > from && to - at > 4
                && ValueShapes.allDigits(s, at + 1, to));
    }

    /**
     * The first bracket inside a token that is not a path or URL ({@code unknown[10.0.0.1},
     * {@code 8(enp2s0}, {@code 10.0.0.1[host.lan]...10.0.0.2[peer.lan}), or {@code -1}: such a token is a
     * compound of values and names, masked part by part.
     */
    private static int innerBracket(String s, int from, int to) {
        if (s.charAt(from) == '/' || s.charAt(from) == '~' || s.charAt(from) == '.') {
            return -1;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(') {
                return ValueShapes.isLetter(s.charAt(i - 1)) || ValueShapes.isDigit(s.charAt(i - 1))
                        || s.charAt(i - 1) == '_' ? i : -1;
            }
        }
        return -1;
    }

    /**
     * Masks the parts of a compound token between its brackets one by one, each without its surrounding
     * punctuation: {@code unknown[10.0.0.1} gives {@code unknown[<*>}, {@code 8(enp2s0} gives
     * {@code <*>(enp2s0}.
     */
    private void maskCompound(String s, int from, int to, int bracket) {
        boolean outer = inFieldValue;
        inFieldValue = true;
        int start = from;
        int i = bracket;
        while (true) {
            maskPeeled(s, start, i, true);
            if (i == to) {
                break;
            }
            int end = i;
            while (end < to && isBracketOrPunctuation(s.charAt(end))) {
                end++;
            }
            out.append(s, i, end);
            start = end;
            i = end;
            while (i < to && !isBracket(s.charAt(i))) {
                i++;
            }
        }
        inFieldValue = outer;
    }

    private static boolean isBracket(char c) {
        return c == '[' || c == ']' || c == '(' || c == ')';
    }

    private static boolean isBracketOrPunctuation(char c) {
        return isBracket(c) || c == '.' || c == ',' || c == ';' || c == ':';
    }

    /** A field name: starts with a letter or underscore, then letters, digits, {@code _ . -}. */
    private static boolean isKey(String s, int from, int to) {
        char c0 = s.charAt(from);
        if (!(ValueShapes.isLetter(c0) || c0 == '_') || to - from > 64) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(ValueShapes.isLetter(c) || ValueShapes.isDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Masks a mixed token run by run (a run is letters and digits). See the class comment. A run with a
     * short numeric suffix is kept whole when it is the whole token ({@code eth0}, {@code ssh2}: if it
     * varies, the miner's cardinality rule makes it a variable) or inside a token of two or more words
     * ({@code hadoop-metrics2.properties}); elsewhere ({@code node-D3}, a field's value {@code dev=eth0})
     * its number is masked ({@code node-D<*>}, {@code dev=eth<*>}).
     */
    private void maskRuns(String s, int from, int to) {
        int numericRuns = 0;
        int suffixedRuns = 0;
        int wordRuns = 0;
        for (int i = from; i < to; ) {
            if (!isRunChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            i = runEnd(s, i, to);
            int firstDigit = firstDigit(s, start, i);
            if (firstDigit < 0) {
                wordRuns++;
            } else if (isSuffixed(s, start, firstDigit, i)) {
                suffixedRuns++;
            } else {
                numericRuns++;
            }
        }
        if (numericRuns + suffixedRuns >= 2 && numericRuns + suffixedRuns >= wordRuns) {
            out.append(WILDCARD);
            return;
        }
        boolean keepSuffixed = wordRuns >= 2 || (numericRuns + suffixedRuns + wordRuns == 1 && !inFieldValue);
        int lastWildcardEnd = -1;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (!isRunChar(c)) {
                boolean sign = c == '-' && i + 1 < to && ValueShapes.isDigit(s.charAt(i + 1))
                        && (i == from || !isRunChar(s.charAt(i - 1)));
                if (!sign) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            i = runEnd(s, i, to);
            int firstDigit = firstDigit(s, start, i);
            if (firstDigit < 0 || (keepSuffixed && isSuffixed(s, start, firstDigit, i))) {
                out.append(s, start, i);
            } else if (isSuffixed(s, start, firstDigit, i)) {
                out.append(s, start, firstDigit).append(WILDCARD);
                lastWildcardEnd = out.length();
            } else if (lastWildcardEnd >= 0 && endsWithWildcardAndSeparator(lastWildcardEnd)) {
                out.setLength(lastWildcardEnd);
            } else {
                out.append(WILDCARD);
                lastWildcardEnd = out.length();
            }
        }
    }

    /** Where the run starting at {@code i} ends. */
    private static int runEnd(String s, int i, int to) {
        while (i < to && (isRunChar(s.charAt(i)) || isSignInRun(s, i, to))) {
            i++;
        }
        return i;
    }

    private static int firstDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (ValueShapes.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The minus of {@code blk_-42}: between an underscore and a digit it belongs to the run. */
    private static boolean isSignInRun(String s, int i, int to) {
        return s.charAt(i) == '-' && i > 0 && s.charAt(i - 1) == '_' && i + 1 < to
                && ValueShapes.isDigit(s.charAt(i + 1));
    }

    /** Letters followed by one or two digits: {@code eth0}, {@code tty2}, {@code v2}. */
    private static boolean isSuffixed(String s, int start, int firstDigit, int end) {
        return firstDigit > start && end - firstDigit <= 2 && ValueShapes.allDigits(s, firstDigit, end)
                && allLetters(s, start, firstDigit);
    }

    /** True when the output is a wildcard followed by exactly one of {@code . : -} (as in {@code 1.2}). */
    private boolean endsWithWildcardAndSeparator(int wildcardEnd) {
        if (out.length() != wildcardEnd + 1 || wildcardEnd < 3 || out.charAt(wildcardEnd - 1) != '>') {
            return false;
        }
        char sep = out.charAt(wildcardEnd);
        return (sep == '.' || sep == ':') && out.charAt(wildcardEnd - 2) == '*';
    }

    private static boolean isRunChar(char c) {
        return ValueShapes.isLetter(c) || ValueShapes.isDigit(c) || c == '_';
    }

    private static boolean allLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!ValueShapes.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
