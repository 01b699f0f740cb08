package io.brainstem.domain.alert;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Instant;
import java.util.Optional;

/**
 * What brainstem has recorded of one alert of one portal and tenant (ADR 25): the event that raised it and, once
 * it cleared, the event of its recovery (the same event when it was first seen already cleared). Raw envelopes are
 * kept for every change; a report that changes nothing is not written at all.
 *
 * @param portal         the platform it came from (a LogicMonitor portal's name)
 * @param raisedEventId  the event (raw envelope id) of the alert's first report
 * @param clearedEventId the event of its recovery, empty while active
 */
public record AlertHistory(String portal, TenantId tenantId, String alertId, Instant startedAt, long raisedEventId,
        Optional<Instant> clearedAt, Optional<Long> clearedEventId, Instant updatedAt) {

    public AlertHistory {
        DomainViolation.requireText(portal, "portal");
        DomainViolation.requirePresent(tenantId, "tenant_id");
        DomainViolation.requireText(alertId, "alert_id");
        DomainViolation.requirePresent(startedAt, "started_at");
        DomainViolation.requirePresent(updatedAt, "updated_at");
        clearedAt = clearedAt == null ? Optional.empty() : clearedAt;
        clearedEventId = clearedEventId == null ? Optional.empty() : clearedEventId;
        if (clearedAt.isPresent() != clearedEventId.isPresent()) {
            throw new DomainViolation("a cleared alert has both its clearing time and its clearing event");
        }
    }

    public boolean cleared() {
        return clearedAt.isPresent();
    }

    /**
     * What {@code report} adds to {@code known} (empty: never seen): a first report raises the alert (and clears it
     * when it is already cleared), the first cleared report of an active alert clears it, and anything else —
     * the same state again, or an active report of a cleared alert (an older copy) — changes nothing.
     */
    public static AlertChange changeFor(Optional<AlertHistory> known, AlertReport report) {
        if (known.isEmpty()) {
            return report.cleared() ? AlertChange.RAISED_AND_CLEARED : AlertChange.RAISED;
        }
        return !known.get().cleared() && report.cleared() ? AlertChange.CLEARED : AlertChange.UNCHANGED;
    }

    /** The history of an alert first recorded now, by the event {@code eventId}. */
    public static AlertHistory first(String portal, TenantId tenant, AlertReport report, long eventId, Instant now) {
        return new AlertHistory(portal, tenant, report.alertId(), report.startedAt(), eventId, report.clearedAt(),
                report.cleared() ? Optional.of(eventId) : Optional.empty(), now);
    }

    /** This history once the alert cleared at {@code at}, recorded by the event {@code eventId}. */
    public AlertHistory clearedBy(Instant at, long eventId, Instant now) {
        if (cleared()) {
            throw new IllegalStateException("alert " + alertId + " is already cleared");
        }
        return new AlertHistory(portal, tenantId, alertId, startedAt, raisedEventId, Optional.of(at),
                Optional.of(eventId), now);
    }

    /** The event that records the alert's current state: its recovery once cleared, else the raise. */
    public long latestEventId() {
        return clearedEventId.orElse(raisedEventId);
    }
}
