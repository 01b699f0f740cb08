package io.brainstem.domain.alert;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.shared.DomainViolation;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the next sync of one portal and tenant starts (ADR 25): alerts are fetched by start time, so the window
 * must still hold every alert that may yet clear. {@code resumeFrom} is the start of the oldest alert seen active
 * in the last sync — but no earlier than {@link #OPEN_HORIZON} before the newest start seen — or, with none
 * active, the newest start seen.
 *
 * @param resumeFrom      the lower bound (inclusive) of alert start times the next sync asks for
 * @param newestStartedAt the latest alert start seen so far
 * @param syncedAt        when the sync that saved this cursor finished
 */
public record SyncCursor(String portal, TenantId tenantId, Instant resumeFrom, Instant newestStartedAt,
        Instant syncedAt) {

    /** An alert active longer than this is no longer looked at again for its clearing. */
    public static final Duration OPEN_HORIZON = Duration.ofDays(7);

    public SyncCursor {
        DomainViolation.requireText(portal, "portal");
        DomainViolation.requirePresent(tenantId, "tenant_id");
        DomainViolation.requirePresent(resumeFrom, "resume_from");
        DomainViolation.requirePresent(newestStartedAt, "newest_started_at");
        DomainViolation.requirePresent(syncedAt, "synced_at");
    }

    /**
     * The cursor after a sync that asked for alerts from {@code from} and saw them up to {@code newest} (null: saw
     * none), the oldest still active starting at {@code oldestActive} (null: none active). It never moves back.
     */
    public static SyncCursor after(String portal, TenantId tenant, Instant from, Instant newest, Instant oldestActive,
            Instant now) {
        if (newest == null) {
            return new SyncCursor(portal, tenant, from, from, now);
        }
        Instant resume = oldestActive == null || oldestActive.isAfter(newest) ? newest : oldestActive;
        Instant horizon = newest.minus(OPEN_HORIZON);
        if (resume.isBefore(horizon)) {
            resume = horizon;
        }
        if (resume.isBefore(from)) {
            resume = from;
        }
        return new SyncCursor(portal, tenant, resume, newest.isBefore(from) ? from : newest, now);
    }
}
