package io.brainstem.adapters.persistence.sqlite;

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
import java.nio.file.Path;

/** The SQLite storage adapter for one database file. */
public final class SqliteStorage implements Storage, AutoCloseable {

    private final SqliteDatabase database;
    private final MyBatisRawEnvelopeRepository rawEnvelopes;
    private final MyBatisCanonicalEventRepository canonicalEvents;
    private final MyBatisSignatureRepository signatures;
    private final MyBatisCandidateRepository candidates;
    private final MyBatisInspectionReadModel inspection;
    private final MyBatisIntakeCursorRepository intakeCursors;
    private final MyBatisIdempotencyRepository idempotency;
    private final MyBatisIncidentRepository incidents;
    private final MyBatisReviewRepository reviews;
    private final MyBatisAlertSyncRepository alertSync;

    public SqliteStorage(Path file) {
        this(file, CommitTelemetry.NONE);
    }

    /** Reporting its write transactions to {@code telemetry}. */
    public SqliteStorage(Path file, CommitTelemetry telemetry) {
        this.database = new SqliteDatabase(file, telemetry);
        this.rawEnvelopes = new MyBatisRawEnvelopeRepository(database);
        this.canonicalEvents = new MyBatisCanonicalEventRepository(database);
        this.signatures = new MyBatisSignatureRepository(database);
        this.candidates = new MyBatisCandidateRepository(database);
        this.inspection = new MyBatisInspectionReadModel(database);
        this.intakeCursors = new MyBatisIntakeCursorRepository(database);
        this.idempotency = new MyBatisIdempotencyRepository(database);
        this.incidents = new MyBatisIncidentRepository(database);
        this.reviews = new MyBatisReviewRepository(database);
        this.alertSync = new MyBatisAlertSyncRepository(database);
    }

    public Path file() {
        return database.file();
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
        return database.file().toString();
    }

    @Override
    public void close() {
        database.close();
    }

    /** How long since a unit of work last began on this database. */
    long idleNanos() {
        return database.idleNanos();
    }
}
