package io.brainstem.adapters.persistence.relational;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** MyBatis mapper for {@code idempotency_keys} (ADR 37); one-line statements, so annotations suffice. */
public interface IdempotencyMapper {

    /** A remembered request as stored: fingerprint, RFC 3339 time, and the receipt as JSON. */
    record Row(String fingerprint, String recordedAt, String receipt) {
    }

    @Select("SELECT fingerprint, recorded_at AS recordedAt, receipt FROM idempotency_keys WHERE idem_key = #{key}")
    Row find(@Param("key") String key);

    /** The first request of a key stays: a second insert of it (a race between nodes) changes nothing. */
    @Insert("INSERT INTO idempotency_keys (idem_key, fingerprint, recorded_at, receipt)"
            + " VALUES (#{key}, #{fingerprint}, #{recordedAt}, #{receipt}) ON CONFLICT (idem_key) DO NOTHING")
    void insert(@Param("key") String key, @Param("fingerprint") String fingerprint,
            @Param("recordedAt") String recordedAt, @Param("receipt") String receipt);

    @Delete("DELETE FROM idempotency_keys WHERE recorded_at < #{cutoff}")
    int deleteBefore(@Param("cutoff") String cutoff);
}
