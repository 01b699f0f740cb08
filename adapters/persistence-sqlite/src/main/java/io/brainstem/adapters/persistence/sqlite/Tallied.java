package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.adapters.persistence.relational.EventTallies;
import io.brainstem.adapters.persistence.relational.TallyMapper;
import java.util.List;
import org.apache.ibatis.session.SqlSession;

/** Rows of {@code events} that a replay changes, counted in {@code event_tallies} as they are then (ADR 33). */
final class Tallied {

    /** Ids per grouping query: well below SQLite's limit of bound parameters. */
    private static final int CHUNK = 500;

    private Tallied() {
    }

    /**
     * Runs {@code updates}, which change the rows {@code ids} (their status, their canonical host): what they
     * counted before leaves the tallies, what they count after joins them. One grouping query each way.
     */
    static void rewrite(SqlSession session, EventTallies.Delta tallies, List<Long> ids, Runnable updates) {
        TallyMapper mapper = session.getMapper(TallyMapper.class);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            tallies.left(mapper.ofIds(ids.subList(i, Math.min(ids.size(), i + CHUNK)), false));
        }
        updates.run();
        session.flushStatements();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            tallies.added(mapper.ofIds(ids.subList(i, Math.min(ids.size(), i + CHUNK)), false));
        }
    }
}
