package io.brainstem.application.port.in;

import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.domain.alert.AlertChange;
import io.brainstem.domain.alert.AlertReport;
import io.brainstem.domain.envelope.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * One LogicMonitor alert pushed to brainstem ({@code POST /connectors/logicmonitor/events}). A new alert is one
 * event; its later clearing is one more event, its recovery, which feeds self-heal detection; the same alert in the
 * same state again writes nothing (ADR 25).
 */
public interface IngestLogicMonitorAlertUseCase {

    AlertOutcome ingest(AlertCommand command);

    record AlertCommand(DatabaseRef database, TenantId tenant, AlertReport alert, String sourcePath, int threshold) {
        public AlertCommand {
            database = database == null ? DatabaseRef.DEFAULT : database;
            if (tenant == null || alert == null) {
                throw new InvalidRequestException("missing_alert", "a tenant and an alert are required");
            }
            InvalidRequestException.requireRange("threshold", threshold, 1, IngestEventsUseCase.MAX_THRESHOLD);
        }
    }

    /**
     * @param change         what this report added
     * @param eventId        the event this report wrote, or for {@link AlertChange#UNCHANGED} the event that
     *                       records the alert's current state
     * @param signatureId    that event's signature (null when it was not canonicalized)
     * @param candidateIds   the candidates this report created or updated (none when unchanged)
     * @param raisedEventId  the alert's first event
     * @param clearedEventId its recovery event, once cleared
     * @param accounting     the ingest accounting of what was written (all zero when unchanged)
     */
    record AlertOutcome(String alertId, AlertChange change, long eventId, String signatureId,
            List<String> candidateIds, long raisedEventId, Optional<Long> clearedEventId, IngestResult accounting) {
        public AlertOutcome {
            candidateIds = List.copyOf(candidateIds);
        }
    }
}
