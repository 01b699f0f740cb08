package io.brainstem.domain.signature;

import io.brainstem.domain.shared.DomainViolation;

/**
 * The one configuration of the template miner.
 *
 * @param maxSignatures     bounds memory per tenant: a miner holds at most that many signatures and evicts
 *                          the least recently matched one to make room
 * @param variableAfter     how many distinct words at one position of otherwise identical templates make
 *                          that position a variable: the family of signatures merges into one with
 *                          {@code <*>} there (chosen leave-one-out on the benchmark sets, bench/README.md)
 */
public record MinerSettings(int maxSignatures, int variableAfter) {

    /** The default of {@link #variableAfter}. */
    public static final int DEFAULT_VARIABLE_AFTER = 4;

    public static final MinerSettings DEFAULTS = new MinerSettings(50_000);

    public MinerSettings {
        if (maxSignatures < 1) {
            throw new DomainViolation("max signatures per tenant must be at least 1");
        }
        if (variableAfter < 2) {
            throw new DomainViolation("a variable needs at least 2 distinct values");
        }
    }

    public MinerSettings(int maxSignatures) {
        this(maxSignatures, DEFAULT_VARIABLE_AFTER);
    }

    public MinerSettings withVariableAfter(int distinctValues) {
        return new MinerSettings(maxSignatures, distinctValues);
    }
}
