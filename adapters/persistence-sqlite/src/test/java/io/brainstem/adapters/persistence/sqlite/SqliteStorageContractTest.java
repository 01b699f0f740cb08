package io.brainstem.adapters.persistence.sqlite;

import io.brainstem.application.port.out.AlertSyncRepositoryContract;
import io.brainstem.application.port.out.CandidateRepositoryContract;
import io.brainstem.application.port.out.CanonicalEventRepositoryContract;
import io.brainstem.application.port.out.InspectionReadModelContract;
import io.brainstem.application.port.out.IntakeCursorRepositoryContract;
import io.brainstem.application.port.out.RawEnvelopeRepositoryContract;
import io.brainstem.application.port.out.SignatureRepositoryContract;
import io.brainstem.application.port.out.IncidentRepositoryContract;
import io.brainstem.application.port.out.ReviewRepositoryContract;
import io.brainstem.application.port.out.EventSearchContract;
import io.brainstem.application.port.out.CandidateSearchContract;
import io.brainstem.application.port.out.RetentionContract;
import io.brainstem.application.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite adapter, on a real file, passes the same contracts as the in-memory one. */
class SqliteStorageContractTest {

    @TempDir
    Path dir;

    private Storage fresh() {
        return new SqliteStorage(dir.resolve("contract-" + System.nanoTime() + ".sqlite3"));
    }

    @Nested
    class RawEnvelopes extends RawEnvelopeRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class CanonicalEvents extends CanonicalEventRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Signatures extends SignatureRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Candidates extends CandidateRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Inspection extends InspectionReadModelContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class IntakeCursors extends IntakeCursorRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Incidents extends IncidentRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Reviews extends ReviewRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class EventSearch extends EventSearchContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class CandidateSearch extends CandidateSearchContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }

    @Nested
    class AlertSync extends AlertSyncRepositoryContract {
        @Override
        protected Storage storage() {
            return fresh();
        }
    }
}
