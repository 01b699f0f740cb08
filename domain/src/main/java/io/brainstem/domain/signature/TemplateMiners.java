package io.brainstem.domain.signature;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.mining.MaskingTemplateMiner;

/** Creates the default template-mining engine for a tenant. */
public final class TemplateMiners {

    private TemplateMiners() {
    }

    public static TemplateMiner create(TenantId tenant, MinerSettings settings) {
        return new MaskingTemplateMiner(tenant, settings);
    }
}
