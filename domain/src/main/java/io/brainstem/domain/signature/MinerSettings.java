package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;

/**
 * The one configuration of the template miner. {@code maxSignatures} bounds memory per tenant: a miner
 * holds at most that many signatures and evicts the least recently matched one to make room.
 */
public record MinerSettings(int maxSignatures) {

    public static final MinerSettings DEFAULTS = new MinerSettings(50_000);

    public MinerSettings {
        if (maxSignatures < 1) {
            throw new DomainViolation("max signatures per tenant must be at least 1");
        }
    }
}
