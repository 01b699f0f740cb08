package io.brainstem.domain.candidate.detection;

/** Which way a state observation points: something failed, or something came back. */
enum Polarity {
    FAILURE, RECOVERY
}
