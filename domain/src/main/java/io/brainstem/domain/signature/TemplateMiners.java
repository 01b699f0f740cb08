package io.brainstem.domain.signature;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.mining.AligningTemplateMiner;

/**
 * Creates the default template-mining engine for a tenant: {@link AligningTemplateMiner}, in its one
 * configuration. There are no per-source settings; {@link MinerSettings} only bounds memory.
 */
public final class TemplateMiners {

    private TemplateMiners() {
    }

    public static TemplateMiner create(TenantId tenant, MinerSettings settings) {
        return new AligningTemplateMiner(tenant, settings);
    }
}
