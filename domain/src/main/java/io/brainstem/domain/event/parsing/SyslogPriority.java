package io.brainstem.domain.event.parsing;

import io.brainstem.domain.event.Severity;
import io.brainstem.domain.shared.DomainViolation;

/** A syslog PRI split into facility and severity: {@code PRI = facility * 8 + severity}, 0..191. */
public record SyslogPriority(SyslogFacility facility, Severity severity) {

    public static final int MAX = 191;

    public SyslogPriority {
        DomainViolation.requirePresent(facility, "facility");
        DomainViolation.requirePresent(severity, "severity");
    }

    public static SyslogPriority of(int pri) {
        if (pri < 0 || pri > MAX) {
            throw new DomainViolation("syslog PRI must be 0..191, was " + pri);
        }
        return new SyslogPriority(SyslogFacility.fromCode(pri >> 3), Severity.fromCode(pri & 7));
    }

    public int value() {
        return facility.code() * 8 + severity.code();
    }
}
