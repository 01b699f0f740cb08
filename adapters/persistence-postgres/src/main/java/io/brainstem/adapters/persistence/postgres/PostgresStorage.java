package io.brainstem.adapters.persistence.postgres;

import io.brainstem.adapters.persistence.relational.MyBatisAlertSyncRepository;
import io.brainstem.adapters.persistence.relational.MyBatisIdempotencyRepository;
import io.brainstem.adapters.persistence.relational.MyBatisIntakeCursorRepository;
import io.brainstem.adapters.persistence.relational.MyBatisReviewRepository;
import io.brainstem.adapters.persistence.relational.MyBatisSignatureRepository;
import io.brainstem.application.port.out.AlertSyncRepository;
import io.brainstem.application.port.out.CandidateRepository;
import io.brainstem.application.port.out.CanonicalEventRepository;
import io.brainstem.application.port.out.CommitTelemetry;
import io.brainstem.application.port.out.IncidentRepository;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.application.port.out.IdempotencyRepository;
import io.brainstem.application.port.out.IntakeCursorRepository;
import io.brainstem.application.port.out.RawEnvelopeRepository;
import io.brainstem.application.port.out.ReviewRepository;
import io.brainstem.application.port.out.SignatureRepository;
import io.brainstem.application.port.out.Storage;
import io.brainstem.application.port.out.UnitOfWork;

/** The PostgreSQL storage adapter for one database (or one schema of it). */
public final class PostgresStorage implements Storage, AutoCloseable {

    private final PostgresDatabase database;
    private final PostgresRawEnvelopeRepository rawEnvelopes;
    private final PostgresCanonicalEventRepository canonicalEvents;
    private final MyBatisSignatureRepository signatures;
    private final PostgresCandidateRepository candidates;
    private final PostgresInspectionReadModel inspection;
    private final MyBatisIntakeCursorRepository intakeCursors;
    private final MyBatisIdempotencyRepository idempotency;
    private final PostgresIncidentRepository incidents;
    private final MyBatisReviewRepository reviews;
    private final MyBatisAlertSyncRepository alertSync;

    /** Connects, migrates the schema and is ready; an unreachable server is a StorageException saying so. */
    public PostgresStorage(PostgresAddress address) {
        this(address, CommitTelemetry.NONE);
    }

    /** As {@link #PostgresStorage(PostgresAddress)}, reporting its write transactions to {@code telemetry}. */
    public PostgresStorage(PostgresAddress address, CommitTelemetry telemetry) {
        this.database = new PostgresDatabase(address, telemetry);
        this.rawEnvelopes = new PostgresRawEnvelopeRepository(database);
        this.canonicalEvents = new PostgresCanonicalEventRepository(database);
        this.signatures = new MyBatisSignatureRepository(database);
        this.candidates = new PostgresCandidateRepository(database);
        this.inspection = new PostgresInspectionReadModel(database);
        this.intakeCursors = new MyBatisIntakeCursorRepository(database);
        this.idempotency = new MyBatisIdempotencyRepository(database);
        this.incidents = new PostgresIncidentRepository(database);
        this.reviews = new MyBatisReviewRepository(database);
        this.alertSync = new MyBatisAlertSyncRepository(database);
    }

    @Override
    public UnitOfWork unitOfWork() {
        return database;
    }

    @Override
    public RawEnvelopeRepository rawEnvelopes() {
        return rawEnvelopes;
    }

    @Override
    public CanonicalEventRepository canonicalEvents() {
        return canonicalEvents;
    }

    @Override
    public SignatureRepository signatures() {
        return signatures;
    }

    @Override
    public CandidateRepository candidates() {
        return candidates;
    }

    @Override
    public InspectionReadModel inspection() {
        return inspection;
    }

    @Override
    public IntakeCursorRepository intakeCursors() {
        return intakeCursors;
    }

    @Override
    public IdempotencyRepository idempotency() {
        return idempotency;
    }

    @Override
    public IncidentRepository incidents() {
        return incidents;
    }

    @Override
    public ReviewRepository reviews() {
        return reviews;
    }

    @Override
    public AlertSyncRepository alertSync() {
        return alertSync;
    }

    @Override
    public String describe() {
        return database.describe();
    }

    @Override
    public void close() {
        database.close();
    }
}
