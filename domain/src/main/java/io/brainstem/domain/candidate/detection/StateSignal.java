package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.CanonicalEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What one event says about the state of something on a host: a transition (it failed, or it came back) or a
 * whole failure-and-recovery in one message. The {@code subject} names the thing: host, service and what the
 * event is about, so that only observations of the same thing pair or count towards flapping.
 */
sealed interface StateSignal permits StateSignal.Transition, StateSignal.HealedInOneMessage {

    String subject();

    /**
     * @param at            when the state changed (the alert's start or clearing time when LogicMonitor gives it)
     * @param alertId       LogicMonitor's alert id, or null
     * @param reportedStart for a recovery, the failure's start as the event itself reports it, or null
     */
    record Transition(String subject, Polarity polarity, Instant at, String alertId, Instant reportedStart,
            SelfHealKind kind) implements StateSignal {
    }

    record HealedInOneMessage(String subject) implements StateSignal {
    }

    /** How a self-heal was recognised; it shapes the explanation. */
    enum SelfHealKind { STATE_WORDS, SINGLE_MESSAGE, LOGICMONITOR }

    /**
     * LogicMonitor alert fields first ({@code active} is a failure, {@code cleared} a recovery, other statuses
     * say nothing); otherwise the state words of the signature's template, as {@link StateWords#read} gives them
     * for {@code template}. Null when the event says nothing about state.
     */
    static StateSignal read(CanonicalEvent event, String template, StateWords.Reading reading) {
        if (LogicMonitorAlert.mayCarryAlert(event.sourceType())) {
            Optional<LogicMonitorAlert> alert = LogicMonitorAlert.from(event.sourceType(), event.structuredFields());
            if (alert.isPresent()) {
                return fromAlert(event, alert.get());
            }
        }
        return switch (reading) {
            case StateWords.Stateless none -> null;
            case StateWords.Failure f -> new Transition(subject(event, f.key()), Polarity.FAILURE,
                    event.timestamp(), null, null, SelfHealKind.STATE_WORDS);
            case StateWords.Recovery r -> new Transition(subject(event, r.key()), Polarity.RECOVERY,
                    event.timestamp(), null, null, SelfHealKind.STATE_WORDS);
            case StateWords.FailedAndRecovered both -> new HealedInOneMessage(subject(event, template));
        };
    }

    private static StateSignal fromAlert(CanonicalEvent event, LogicMonitorAlert alert) {
        String subject = alertSubject(event);
        return switch (alert.status()) {
            case ACTIVE -> new Transition(subject, Polarity.FAILURE,
                    alert.startedAt() != null ? alert.startedAt() : event.timestamp(), alert.alertId(), null,
                    SelfHealKind.LOGICMONITOR);
            case CLEARED -> new Transition(subject, Polarity.RECOVERY,
                    alert.clearedAt() != null ? alert.clearedAt() : event.timestamp(), alert.alertId(),
                    alert.startedAt(), SelfHealKind.LOGICMONITOR);
            case OTHER -> null;
        };
    }

    private static String subject(CanonicalEvent event, String templateKey) {
        return join("state", event.host(), event.service(), templateKey, StateWords.subjectOf(event.message()));
    }

    /** Host, service and the alert's datasource/instance/datapoint when given, else its message. */
    private static String alertSubject(CanonicalEvent event) {
        Map<String, Object> f = event.structuredFields();
        StringJoiner what = new StringJoiner("/");
        for (String field : new String[] {"datasource", "instance", "datapoint"}) {
            Object v = f.get(field);
            if (v != null && !String.valueOf(v).isBlank()) {
                what.add(String.valueOf(v).strip());
            }
        }
        String thing = what.length() > 0 ? what.toString() : StateWords.subjectOf(event.message());
        return join("alert", event.host(), event.service(), thing);
    }

    /** The parts separated by NUL, null as empty. */
    private static String join(String kind, String... parts) {
        StringBuilder j = new StringBuilder(64).append(kind);
        for (String p : parts) {
            j.append('\u0000');
            if (p != null) {
                j.append(p);
            }
        }
        return j.toString();
    }
}
