package io.brainstem.adapters.persistence.sqlite;

import java.util.List;

/**
 * FTS5 query text built from user words. Each word becomes an FTS5 string (a phrase), so that nothing a person
 * types is FTS5 syntax: {@code OR}, {@code NEAR(}, {@code *} and quotes are only text. A word with dots or colons
 * (an address) is then a phrase of its tokens. Words without a letter or digit hold no token: callers drop them
 * first ({@code ReadModelRows.searchable}).
 */
final class FtsQueries {

    private FtsQueries() {
    }

    /** Every word as a phrase, all required. */
    static String allOf(List<String> words) {
        return join(words, " AND ");
    }

    /** Every word as a phrase, any one enough. */
    static String anyOf(List<String> words) {
        return join(words, " OR ");
    }

    static String phrase(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }

    private static String join(List<String> words, String operator) {
        return String.join(operator, words.stream().map(FtsQueries::phrase).toList());
    }
}
