package io.brainstem.application.port.out;

import io.brainstem.domain.alert.AlertReport;
import java.time.Instant;
import java.util.List;

/**
 * A LogicMonitor portal's alerts, as its REST API pages them (ADR 25). Rate limits, retries and authentication are
 * the adapter's: a call returns a page or throws {@link PortalException}, whose message never holds a credential.
 */
public interface LogicMonitorPortal {

    /** The largest page the portal serves. */
    int MAX_PAGE_SIZE = 1_000;

    /**
     * The portal's name (the LogicMonitor company), which keys cursors and alert histories: alerts pushed to
     * brainstem are taken as this portal's too.
     */
    String name();

    /** Whether a portal is configured at all (see {@link #unconfigured}). */
    default boolean configured() {
        return true;
    }

    /**
     * Alerts, active and cleared, that started at or after {@code startedFrom}, in order of start time, from
     * {@code offset} on, at most {@code size} (1..{@value #MAX_PAGE_SIZE}).
     */
    AlertPage alerts(Instant startedFrom, int offset, int size);

    /**
     * No portal: every fetch fails with {@link PortalException.Reason#NOT_CONFIGURED} and {@code message} (which
     * names the settings to set). Pushed alerts are keyed as portal {@code default}.
     */
    static LogicMonitorPortal unconfigured(String message) {
        return new LogicMonitorPortal() {
            @Override
            public String name() {
                return "default";
            }

            @Override
            public boolean configured() {
                return false;
            }

            @Override
            public AlertPage alerts(Instant startedFrom, int offset, int size) {
                throw new PortalException(PortalException.Reason.NOT_CONFIGURED, message);
            }
        };
    }

    /**
     * @param alerts   the alerts of the page, in the portal's order
     * @param total    how many alerts match in all (the portal's count)
     * @param skipped  items of the page that were not alerts brainstem can read (no id or start), left out
     * @param requests HTTP requests the page took, retries included
     */
    record AlertPage(List<AlertReport> alerts, long total, int skipped, int requests) {
        public AlertPage {
            alerts = List.copyOf(alerts);
        }
    }
}
