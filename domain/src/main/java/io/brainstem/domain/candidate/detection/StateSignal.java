package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.CanonicalEvent;
import java.time.Instant;
import java.util.List;
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
            SelfHealKind kind, Thing thing) implements StateSignal {
    }

    record HealedInOneMessage(String subject, Thing thing) implements StateSignal {
    }

    /**
     * What the observation is about, for pairing and for titles.
     *
     * @param bucket    host and service (or the alert's subject): failures and recoveries pair only within one
     * @param entities  the values naming the thing ({@link Subjects#entities}), sorted; may be empty
     * @param key       the template with its state words replaced, or null
     * @param display   the template with its entities filled in, for titles
     * @param lifecycle whether only life-cycle words ({@code opened}, {@code closed}) say it
     */
    record Thing(String bucket, List<String> entities, String key, String display, boolean lifecycle) {

        /**
         * How surely the two name the same thing: 3 for the same entities, 2 for a shared entity, 1 for the same
         * template key when one of them names no entity, else 0 (different things).
         */
        int affinity(Thing other) {
            if (entities.equals(other.entities)) {
                return 3;
            }
            for (String e : entities) {
                if (other.entities.contains(e)) {
                    return 2;
                }
            }
            boolean oneUnnamed = entities.isEmpty() || other.entities.isEmpty();
            return oneUnnamed && key != null && key.equals(other.key) ? 1 : 0;
        }

        /** "GigabitEthernet0/12 on sw-core-1", or where it is when no entity names it. */
        String subjectPhrase(String host, String service) {
            if (entities.isEmpty()) {
                return Phrases.where(host, service).strip();
            }
            return String.join(", ", entities) + (host == null ? "" : " on " + host);
        }
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
            case StateWords.Failure f -> transition(event, template, f.key(), f.lifecycle(), Polarity.FAILURE);
            case StateWords.Recovery r -> transition(event, template, r.key(), r.lifecycle(), Polarity.RECOVERY);
            case StateWords.FailedAndRecovered both -> {
                Thing thing = thing(event, template, template, false);
                yield new HealedInOneMessage(subject(thing), thing);
            }
        };
    }

    /**
     * A transition of a pair learned from the stream ({@link LearnedPairs}): both sides share the bucket of the
     * failure signature on the host, so they pair whatever their words and services.
     */
    static Transition learned(CanonicalEvent event, String template, String failureSignatureId, Polarity polarity) {
        Thing thing = thing(join("learned", event.host(), failureSignatureId), event, template, failureSignatureId,
                false);
        return new Transition(subject(thing), polarity, event.observedAt(), null, null, SelfHealKind.STATE_WORDS,
                thing);
    }

    private static Transition transition(CanonicalEvent event, String template, String key, boolean lifecycle,
            Polarity polarity) {
        Thing thing = thing(event, template, key, lifecycle);
        return new Transition(subject(thing), polarity, event.observedAt(), null, null, SelfHealKind.STATE_WORDS,
                thing);
    }

    private static Thing thing(CanonicalEvent event, String template, String key, boolean lifecycle) {
        return thing(join("state", event.host(), event.service()), event, template, key, lifecycle);
    }

    private static Thing thing(String bucket, CanonicalEvent event, String template, String key, boolean lifecycle) {
        String[] tokens = Subjects.tokens(event.message());
        return new Thing(bucket, Subjects.entities(tokens), key, Subjects.instantiate(template, tokens), lifecycle);
    }

    private static String subject(Thing thing) {
        return thing.bucket() + '\u0000' + String.join("\u0000", thing.entities());
    }

    private static StateSignal fromAlert(CanonicalEvent event, LogicMonitorAlert alert) {
        String subject = alertSubject(event);
        Thing thing = new Thing(subject, List.of(), null, event.message(), false);
        return switch (alert.status()) {
            case ACTIVE -> new Transition(subject, Polarity.FAILURE,
                    alert.startedAt() != null ? alert.startedAt() : event.observedAt(), alert.alertId(), null,
                    SelfHealKind.LOGICMONITOR, thing);
            case CLEARED -> new Transition(subject, Polarity.RECOVERY,
                    alert.clearedAt() != null ? alert.clearedAt() : event.observedAt(), alert.alertId(),
                    alert.startedAt(), SelfHealKind.LOGICMONITOR, thing);
            case OTHER -> null;
        };
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
