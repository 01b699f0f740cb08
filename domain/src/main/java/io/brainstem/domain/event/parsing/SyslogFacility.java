package io.brainstem.domain.event.parsing;

import java.util.Locale;
import java.util.Optional;

/** The 24 syslog facilities (RFC 5424 §6.2.1); code = ordinal, wire name = the usual lower-case keyword. */
public enum SyslogFacility {
    KERN, USER, MAIL, DAEMON, AUTH, SYSLOG, LPR, NEWS, UUCP, CRON, AUTHPRIV, FTP, NTP, AUDIT, ALERT, CLOCK,
    LOCAL0, LOCAL1, LOCAL2, LOCAL3, LOCAL4, LOCAL5, LOCAL6, LOCAL7;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    private static final SyslogFacility[] BY_CODE = values();

    /** {@code kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp, audit, alert, clock, local0..local7}. */
    public String wireName() {
        return wireName;
    }

    public int code() {
        return ordinal();
    }

    public static SyslogFacility fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("syslog facility code must be 0..23, was " + code);
        }
        return BY_CODE[code];
    }

    /** A wire name, a code 0..23, or an alias ({@code security} = auth, {@code kernel} = kern). */
    public static Optional<SyslogFacility> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && key.length() <= 2 && key.chars().allMatch(Character::isDigit)) {
            int code = Integer.parseInt(key);
            return code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
        }
        switch (key) {
            case "security":
                return Optional.of(AUTH);
            case "kernel":
                return Optional.of(KERN);
            default:
                break;
        }
        for (SyslogFacility facility : BY_CODE) {
            if (facility.wireName().equals(key)) {
                return Optional.of(facility);
            }
        }
        return Optional.empty();
    }
}
