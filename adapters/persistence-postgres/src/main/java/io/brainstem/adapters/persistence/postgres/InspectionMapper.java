package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.CandidateRow;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.SignatureRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper for the inspection queries; SQL in InspectionMapper.xml. */
interface InspectionMapper {

    List<CandidateRow> candidatePage(@Param("tenantId") String tenantId, @Param("types") Collection<String> types,
            @Param("bands") Collection<String> bands, @Param("minScore") Double minScore,
            @Param("updatedSince") String updatedSince, @Param("includeSuppressed") boolean includeSuppressed,
            @Param("limit") int limit, @Param("offset") int offset);

    List<SignatureRow> signatures(@Param("tenantId") String tenantId, @Param("family") String family,
            @Param("service") String service, @Param("minCount") Long minCount, @Param("limit") int limit);

    List<CanonicalEventRow> events(@Param("tenantId") String tenantId, @Param("source") String source,
            @Param("host") String host, @Param("service") String service, @Param("severity") String severity,
            @Param("signatureIds") Collection<String> signatureIds, @Param("limit") int limit);

    /** {@code words}: every one a phrase that must appear; newest first. */
    List<CanonicalEventRow> searchEvents(@Param("words") List<String> words, @Param("tenantId") String tenantId,
            @Param("host") String host, @Param("service") String service, @Param("severity") String severity,
            @Param("signatureIds") Collection<String> signatureIds, @Param("since") Long since,
            @Param("until") Long until, @Param("beforeId") Long beforeId, @Param("limit") int limit);

    List<RawEnvelopeRow> envelopes(@Param("statuses") Collection<String> statuses, @Param("tenantId") String tenantId,
            @Param("sourceType") String sourceType, @Param("sourceId") String sourceId,
            @Param("sourcePath") String sourcePath, @Param("limit") int limit);

    SignatureRow signature(@Param("id") String id);

    String survivorOf(@Param("id") String id);

    List<String> aliasesOf(@Param("survivorId") String survivorId);

    long candidateCount();

    long signatureCount();
}
