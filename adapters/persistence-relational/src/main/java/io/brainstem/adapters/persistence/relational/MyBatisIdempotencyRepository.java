package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.out.IdempotencyRepository;
import java.time.Instant;
import java.util.Optional;

/** Remembered ingest requests in a relational store: the receipt is one JSON column of ids and counts. */
public final class MyBatisIdempotencyRepository implements IdempotencyRepository {

    private final MapperAccess db;

    public MyBatisIdempotencyRepository(MapperAccess db) {
        this.db = db;
    }

    @Override
    public Optional<Remembered> find(String key) {
        IdempotencyMapper.Row row = db.mapper(IdempotencyMapper.class).find(key);
        return row == null ? Optional.empty() : Optional.of(new Remembered(key, row.fingerprint(),
                SqlTimes.parse(row.recordedAt()), JsonColumns.read(row.receipt(), Receipt.class)));
    }

    @Override
    public void remember(Remembered r) {
        String at = SqlTimes.format(r.recordedAt());
        String receipt = JsonColumns.write(r.receipt());
        db.later(session -> session.getMapper(IdempotencyMapper.class).insert(r.key(), r.fingerprint(), at, receipt));
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        String at = SqlTimes.format(cutoff);
        db.later(session -> session.getMapper(IdempotencyMapper.class).deleteBefore(at));
    }
}
