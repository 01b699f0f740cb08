package io.brainstem.domain.event;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The eight syslog severities (RFC 5424 §6.2.1), most severe first; code = ordinal. */
public enum Severity {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    private static final Map<String, Severity> ALIASES = Map.ofEntries(
            Map.entry("emerg", EMERG), Map.entry("emergency", EMERG), Map.entry("panic", EMERG),
            Map.entry("fatal", EMERG),
            Map.entry("alert", ALERT),
            Map.entry("crit", CRIT), Map.entry("critical", CRIT),
            Map.entry("err", ERR), Map.entry("error", ERR), Map.entry("errors", ERR), Map.entry("severe", ERR),
            Map.entry("warning", WARNING), Map.entry("warn", WARNING),
            Map.entry("notice", NOTICE),
            Map.entry("info", INFO), Map.entry("informational", INFO), Map.entry("information", INFO),
            Map.entry("ok", INFO), Map.entry("normal", INFO),
            Map.entry("debug", DEBUG), Map.entry("trace", DEBUG));

    /** Lower-case wire name: {@code emerg, alert, crit, err, warning, notice, info, debug}. */
    public String wireName() {
        return wireName;
    }

    public int code() {
        return ordinal();
    }

    public static Severity fromCode(int code) {
        if (code < 0 || code > 7) {
            throw new IllegalArgumentException("syslog severity code must be 0..7, was " + code);
        }
        return values()[code];
    }

    /** Parses a name or a common alias (error, warn, critical, informational...) or a digit 0..7. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (key.length() == 1 && key.charAt(0) >= '0' && key.charAt(0) <= '7') {
            return Optional.of(fromCode(key.charAt(0) - '0'));
        }
        return Optional.ofNullable(ALIASES.get(key));
    }

    /** True for warning and anything more severe. */
    public boolean atLeastWarning() {
        return ordinal() <= WARNING.ordinal();
    }
}
