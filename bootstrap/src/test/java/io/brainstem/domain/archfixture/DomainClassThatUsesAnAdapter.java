package io.brainstem.domain.archfixture;

import io.brainstem.adapters.http.ApiLimits;

/** A deliberate violation for the architecture self-test: the domain reaching out to an adapter. Test-only. */
public final class DomainClassThatUsesAnAdapter {

    public long limit() {
        return ApiLimits.DEFAULTS.maxBodyBytes();
    }
}
