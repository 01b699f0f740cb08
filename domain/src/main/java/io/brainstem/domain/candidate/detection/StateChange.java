package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.detection.StateSignal.SelfHealKind;
import java.time.Instant;

/** One state observation of one subject, handed from the self-heal pairing to the flapping rule. */
record StateChange(String subject, Polarity polarity, Instant at, EventRef event, String template,
        SelfHealKind kind, StateSignal.Thing thing) {
}
