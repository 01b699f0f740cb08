package io.brainstem.application.port.out;

/** One database: the repositories of the aggregates and the unit of work that spans them. */
public interface Storage {

    UnitOfWork unitOfWork();

    RawEnvelopeRepository rawEnvelopes();

    CanonicalEventRepository canonicalEvents();

    SignatureRepository signatures();

    CandidateRepository candidates();

    InspectionReadModel inspection();

    IntakeCursorRepository intakeCursors();

    IncidentRepository incidents();

    ReviewRepository reviews();

    /** Alert histories and sync cursors of monitoring platforms (ADR 25). */
    AlertSyncRepository alertSync();

    /** Ingest requests sent with an idempotency key, to answer their repeats (ADR 37). */
    IdempotencyRepository idempotency();

    /** A name for logs and responses (the database file, or "memory"). */
    String describe();
}
