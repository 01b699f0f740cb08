package io.brainstem.domain.envelope;

import io.brainstem.domain.shared.DomainViolation;

/** Which parser, in which version, produced an outcome. Recorded on every envelope it touched. */
public record ParserInfo(String name, String version) {

    public ParserInfo {
        DomainViolation.requireText(name, "parser name");
        DomainViolation.requireText(version, "parser version");
    }
}
