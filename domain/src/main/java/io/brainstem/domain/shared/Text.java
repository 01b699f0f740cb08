package io.brainstem.domain.shared;

/** Small null-safe text helpers shared by the domain. */
public final class Text {

    private Text() {
    }

    /** Trimmed value, or null when the value is null or blank. */
    public static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String firstPresent(String preferred, String fallback) {
        String p = blankToNull(preferred);
        return p != null ? p : blankToNull(fallback);
    }

    public static String truncate(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        return value.substring(0, maxChars);
    }
}
