package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.util.LinkedHashSet;

/** One row of {@code signatures}. */
public record SignatureRow(String id, String tenantId, String template, String example, Long occurrenceCount,
        String firstSeen, String lastSeen, String hosts, Long distinctHostCount, String service,
        String eventFamily) {

    public static SignatureRow from(Signature s) {
        return new SignatureRow(s.id().value(), s.tenantId().value(), s.template(), s.example(),
                s.occurrenceCount(), SqlTimes.format(s.firstSeen()), SqlTimes.format(s.lastSeen()),
                JsonColumns.write(s.hosts()), s.distinctHostCount(), s.service(), s.eventFamily().wireName());
    }

    public Signature toDomain() {
        return Signature.restore(new SignatureId(id), TenantId.of(tenantId), template, example, occurrenceCount,
                SqlTimes.parse(firstSeen), SqlTimes.parse(lastSeen),
                new LinkedHashSet<>(JsonColumns.stringList(hosts)), distinctHostCount, service,
                EventFamily.fromWireName(eventFamily).orElse(EventFamily.GENERIC));
    }
}
