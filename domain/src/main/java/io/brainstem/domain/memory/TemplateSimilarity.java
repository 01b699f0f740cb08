package io.brainstem.domain.memory;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two templates read: the Jaccard index of their constant words (variables, numbers and punctuation
 * left out), 0..1. {@code IPsec SA with peer <*> dropped (DPD timeout)} and {@code IPsec SA with peer <*> deleted}
 * share 5 of 8 words.
 */
public final class TemplateSimilarity {

    private TemplateSimilarity() {
    }

    public static double of(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : x) {
            if (y.contains(w)) {
                shared++;
            }
        }
        return (double) shared / (x.size() + y.size() - shared);
    }

    /** The best similarity between any template of {@code as} and any of {@code bs}. */
    public static double best(Collection<String> as, Collection<String> bs) {
        double best = 0;
        for (String a : as) {
            for (String b : bs) {
                best = Math.max(best, of(a, b));
            }
        }
        return best;
    }

    static Set<String> words(String template) {
        Set<String> words = new HashSet<>();
        if (template == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= template.length(); i++) {
            char c = i < template.length() ? template.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '_' || c == '%' || c == '-') {
                word.append(Character.toLowerCase(c));
            } else {
                if (c == '*' || c == '<' || c == '>') {
                    word.setLength(0);
                    continue;
                }
                keep(words, word);
                word.setLength(0);
            }
        }
        return words;
    }

    private static void keep(Set<String> words, StringBuilder word) {
        if (word.isEmpty()) {
            return;
        }
        boolean letters = false;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters = true;
                break;
            }
        }
        if (letters) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
    }
}
