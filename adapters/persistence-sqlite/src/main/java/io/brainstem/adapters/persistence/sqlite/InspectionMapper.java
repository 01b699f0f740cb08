package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.RawEnvelopeRow;
import io.brainstem.adapters.persistence.relational.CanonicalEventRow;
import io.brainstem.adapters.persistence.relational.CandidateRow;
import io.brainstem.adapters.persistence.relational.SignatureRow;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** MyBatis mapper of the inspection queries; SQL in InspectionMapper.xml. */
public interface InspectionMapper {

    /** {@code fts} is interpolated: callers pass only a partition name of {@code events_fts_parts}. */
    List<CanonicalEventRow> searchEvents(@Param("fts") String fts, @Param("match") String match, @Param("tenantId") String tenantId,
            @Param("host") String host, @Param("service") String service, @Param("severity") String severity,
            @Param("signatureIds") List<String> signatureIds, @Param("since") Long since, @Param("until") Long until,
            @Param("beforeId") Long beforeId, @Param("limit") int limit);

    List<CandidateRow> candidates(@Param("tenantId") String tenantId, @Param("type") String type,
            @Param("decisionBand") String decisionBand, @Param("minScore") Double minScore, @Param("limit") int limit);

    List<CandidateRow> candidatePage(@Param("tenantId") String tenantId, @Param("types") List<String> types,
            @Param("bands") List<String> bands, @Param("minScore") Double minScore,
            @Param("updatedSince") String updatedSince, @Param("includeSuppressed") boolean includeSuppressed,
            @Param("limit") int limit, @Param("offset") int offset);

    List<SignatureRow> signatures(@Param("tenantId") String tenantId, @Param("family") String family,
            @Param("service") String service, @Param("minCount") Long minCount, @Param("limit") int limit);

    List<CanonicalEventRow> events(@Param("tenantId") String tenantId, @Param("source") String source,
            @Param("host") String host, @Param("service") String service, @Param("severity") String severity,
            @Param("signatureIds") List<String> signatureIds, @Param("from") Long from, @Param("to") Long to,
            @Param("limit") int limit);

    List<RawEnvelopeRow> envelopes(@Param("statuses") Collection<String> statuses,
            @Param("tenantId") String tenantId, @Param("sourceType") String sourceType,
            @Param("sourceId") String sourceId, @Param("sourcePath") String sourcePath, @Param("from") Long from,
            @Param("to") Long to, @Param("limit") int limit);

    /** The signature with this id, following an alias to its survivor (any tenant). */
    SignatureRow signature(@Param("id") String id);

    /** The survivor an alias stands for, or null (any tenant). */
    String survivorOf(@Param("id") String id);

    List<String> aliasesOf(@Param("survivorId") String survivorId);

    long candidateCount();

    long signatureCount();
}
