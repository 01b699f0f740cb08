package io.brainstem.application.testing;

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
import org.junit.jupiter.api.Nested;

/** The in-memory adapter passes the same contracts as the SQLite one. */
class InMemoryStorageContractTest {

    @Nested
    class RawEnvelopes extends RawEnvelopeRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class CanonicalEvents extends CanonicalEventRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Signatures extends SignatureRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Candidates extends CandidateRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Inspection extends InspectionReadModelContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class IntakeCursors extends IntakeCursorRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Incidents extends IncidentRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Reviews extends ReviewRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class EventSearch extends EventSearchContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class CandidateSearch extends CandidateSearchContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }

    @Nested
    class AlertSync extends AlertSyncRepositoryContract {
        @Override
        protected Storage storage() {
            return new InMemoryStorage();
        }
    }
}
