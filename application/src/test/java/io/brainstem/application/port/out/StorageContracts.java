package io.brainstem.application.port.out;

import org.junit.jupiter.api.Nested;

/**
 * Every storage contract at once: a store's test extends this and says how to make a fresh, empty storage; each
 * contract runs as a nested class against it.
 */
public abstract class StorageContracts {

    /** A fresh, empty storage (a new file, a new schema, a new in-memory store). */
    protected abstract Storage freshStorage();

    /**
     * The same database opened again, as after a restart: a store on a file or a server closes {@code storage} and
     * opens it anew; the in-memory store, which has nothing to reopen, returns it.
     */
    protected Storage restart(Storage storage) {
        return storage;
    }

    @Nested
    class RawEnvelopes extends RawEnvelopeRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class CanonicalEvents extends CanonicalEventRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Signatures extends SignatureRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Candidates extends CandidateRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Inspection extends InspectionReadModelContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class IntakeCursors extends IntakeCursorRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Incidents extends IncidentRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Reviews extends ReviewRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class EventSearch extends EventSearchContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class CandidateSearch extends CandidateSearchContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class AlertSyncs extends AlertSyncRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyRepositoryContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class UnitOfWorkBehaviour extends UnitOfWorkContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }
    }

    @Nested
    class Tallies extends TallyContract {
        @Override
        protected Storage storage() {
            return freshStorage();
        }

        @Override
        protected Storage restart(Storage storage) {
            return StorageContracts.this.restart(storage);
        }
    }
}
