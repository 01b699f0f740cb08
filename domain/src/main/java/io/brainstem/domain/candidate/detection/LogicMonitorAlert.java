package io.brainstem.domain.candidate.detection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alert fields of a LogicMonitor event ({@code source_type = logicmonitor}): {@code alert_status},
 * {@code alert_id}, {@code started_at}, {@code cleared_at}. Times may be ISO-8601 (with offset, or without one,
 * read as UTC; a space instead of {@code T} is accepted) or epoch seconds, as number or digits; values above
 * 10^11 are read as epoch milliseconds.
 *
 * @param status   whether the alert is active or cleared
 * @param alertId  LogicMonitor's alert id, or null
 * @param startedAt when the alert started, or null
 * @param clearedAt when it cleared, or null
 */
record LogicMonitorAlert(Status status, String alertId, Instant startedAt, Instant clearedAt) {

    static final String SOURCE_TYPE = "logicmonitor";

    enum Status { ACTIVE, CLEARED, OTHER }

    private static final Set<String> CLEARED = Set.of("cleared", "clear", "resolved", "recovered", "closed", "ok");
    private static final Set<String> ACTIVE = Set.of("active", "raised", "open", "new", "alert", "triggered");
    private static final long MILLIS_ABOVE = 100_000_000_000L;

    /**
     * Whether events of this source type may carry an alert: a cheap test that spares other events the lookup
     * ({@code from} gives empty whenever this is false).
     */
    static boolean mayCarryAlert(String sourceType) {
        return sourceType != null && sourceType.length() >= SOURCE_TYPE.length()
                && (sourceType.length() == SOURCE_TYPE.length() ? SOURCE_TYPE.equalsIgnoreCase(sourceType)
                        : SOURCE_TYPE.equalsIgnoreCase(sourceType.strip()));
    }

    /** The alert an event carries, when it is a LogicMonitor event with an alert status or a clearing time. */
    static Optional<LogicMonitorAlert> from(String sourceType, Map<String, Object> fields) {
        if (sourceType == null || !SOURCE_TYPE.equalsIgnoreCase(sourceType.strip())) {
            return Optional.empty();
        }
        String status = text(fields.get("alert_status"));
        Instant clearedAt = instant(fields.get("cleared_at"));
        if (status == null && clearedAt == null) {
            return Optional.empty();
        }
        Status s;
        if (status == null) {
            s = Status.CLEARED;
        } else {
            String key = status.toLowerCase(Locale.ROOT);
            s = CLEARED.contains(key) ? Status.CLEARED : ACTIVE.contains(key) ? Status.ACTIVE : Status.OTHER;
        }
        return Optional.of(new LogicMonitorAlert(s, text(fields.get("alert_id")), instant(fields.get("started_at")),
                clearedAt));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    /** An ISO-8601 text or epoch seconds (or milliseconds), else null. */
    static Instant instant(Object value) {
        if (value instanceof Number n) {
            return epoch(n.longValue());
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 15) {
            return epoch(Long.parseLong(s));
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static Instant epoch(long value) {
        return value > MILLIS_ABOVE ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
