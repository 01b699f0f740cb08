package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.out.IntakeCursorRepository;
import java.util.Optional;

/** Intake cursors in a relational store. */
public final class MyBatisIntakeCursorRepository implements IntakeCursorRepository {

    private final MapperAccess db;

    public MyBatisIntakeCursorRepository(MapperAccess db) {
        this.db = db;
    }

    @Override
    public Optional<Long> position(String key) {
        return Optional.ofNullable(db.mapper(IntakeCursorMapper.class).position(key));
    }

    @Override
    public void save(String key, long position) {
        db.later(session -> session.getMapper(IntakeCursorMapper.class).save(key, position));
    }
}
