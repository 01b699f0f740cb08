package io.brainstem.application.service;

import io.brainstem.application.port.in.InvalidRequestException;
import io.brainstem.application.port.in.MemoryQueries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search box's text as words: split on white space and on punctuation that is not part of a word, lower case,
 * each word once. Dots, colons, slashes, {@code @}, {@code -} and {@code _} inside a word keep it whole
 * ({@code 203.0.113.10}, {@code Gi0/12}), for the adapters to match as a phrase.
 */
final class SearchWords {

    static final int MAX_WORD_CHARS = 128;

    private SearchWords() {
    }

    static List<String> split(String text) {
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || (!word.isEmpty() && ".:/@-_".indexOf(c) >= 0)) {
                word.append(c);
            } else {
                add(words, word);
            }
        }
        if (words.size() > MemoryQueries.MAX_QUERY_WORDS) {
            throw new InvalidRequestException("invalid_query",
                    "a query holds at most " + MemoryQueries.MAX_QUERY_WORDS + " words, this one has " + words.size());
        }
        return new ArrayList<>(words);
    }

    private static void add(Set<String> words, StringBuilder word) {
        int end = word.length();
        while (end > 0 && ".:/@-_".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end > 0) {
            String w = word.substring(0, Math.min(end, MAX_WORD_CHARS)).toLowerCase(Locale.ROOT);
            words.add(w);
        }
        word.setLength(0);
    }
}
