package io.brainstem.application.port.out;

/** One database: the repositories of the four aggregates and the unit of work that spans them. */
public interface Storage {

    UnitOfWork unitOfWork();

    RawEnvelopeRepository rawEnvelopes();

    CanonicalEventRepository canonicalEvents();

    SignatureRepository signatures();

    CandidateRepository candidates();

    InspectionReadModel inspection();

    IntakeCursorRepository intakeCursors();

    /** A name for logs and responses (the database file, or "memory"). */
    String describe();
}
