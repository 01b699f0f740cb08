package io.brainstem.adapters.persistence.relational;

import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;

/**
 * What the shared MyBatis repositories need of a relational store: a mapper of the calling thread's unit of work
 * for reads, and a way to write. Each store decides when a write runs (SQLite may defer it to its commit; PostgreSQL
 * runs it at once), so {@code op} must capture rows built now, not domain objects later work may change.
 */
public interface MapperAccess {

    <M> M mapper(Class<M> type);

    void later(Consumer<SqlSession> op);
}
