package io.brainstem.application.service;

import io.brainstem.application.port.in.MemoryQueries.Lesson;
import io.brainstem.application.port.in.MemoryQueries.Ranked;
import io.brainstem.application.port.in.MemoryQueries.Related;
import io.brainstem.application.port.out.Storage;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.memory.Incident;
import io.brainstem.domain.memory.Review;
import io.brainstem.domain.memory.SubjectType;
import io.brainstem.domain.memory.TemplateSimilarity;
import io.brainstem.domain.signature.EventFamily;
import io.brainstem.domain.signature.Signature;
import io.brainstem.domain.signature.SignatureId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Related history of an event, signature, candidate or incident (ADR 20): candidates and incidents that share a
 * signature with it, that happened on the same host in the same event family, whose templates read alike, or
 * that happened within minutes of it on the same host; and the lessons people wrote about those — review notes
 * and incident summaries. Each is ranked by its strongest reason, and lists every reason as {@code why}.
 */
final class RelatedHistory {

    static final Duration CO_OCCURRENCE = Duration.ofMinutes(10);
    /**
     * Candidates read per answered one, best score first, at most {@link #SCAN}: reading and decoding candidates is
     * what related history costs (10 per answer keep {@code limit=10} under 20 ms on 10,000 candidates).
     */
    static final int SCAN_PER_RESULT = 10;
    static final int SCAN = 500;
    static final int INCIDENT_SCAN = 2_000;
    static final double SIMILAR = 0.5;

    static final double SAME_SIGNATURE = 1.0;
    static final double SIMILAR_TEMPLATE = 0.7;
    static final double SAME_HOST_AND_FAMILY = 0.6;
    static final double CO_OCCURRING = 0.5;

    /** What a subject is, for relating: its signatures, their templates and families, hosts and time range. */
    record Context(String selfCandidate, String selfIncident, Set<String> signatureIds, List<String> templates,
            Set<EventFamily> families, Set<String> hosts, Instant from, Instant to) {
    }

    Related of(Storage storage, MemoryService.Subject subject, int limit) {
        Map<String, Optional<Signature>> signatures = new HashMap<>();
        Context ctx = context(storage, subject, signatures);
        // many related candidates share a few templates: compare each set of templates once
        Map<List<String>, Double> similarity = new HashMap<>();
        java.util.function.ToDoubleFunction<Described> similar = d -> similarity.computeIfAbsent(d.templates(),
                t -> TemplateSimilarity.best(ctx.templates(), t));
        List<Ranked<Candidate>> candidates = new ArrayList<>();
        for (Candidate c : storage.candidates().findBySignaturesOrHosts(subject.tenant(), ctx.signatureIds(),
                ctx.hosts(), Math.min(SCAN, Math.max(100, limit * SCAN_PER_RESULT)))) {
            if (c.id().value().equals(ctx.selfCandidate())) {
                continue;
            }
            List<String> sigs = c.evidence().signatureIds();
            Described d = describe(storage, signatures, sigs);
            Ranked<Candidate> r = rank(c, ctx, sigs, d, similar.applyAsDouble(d), c.evidence().hosts(),
                    c.evidence().firstSeen(), c.evidence().lastSeen(), c.scoreTotal());
            if (r != null) {
                candidates.add(r);
            }
        }
        List<Ranked<Incident>> incidents = new ArrayList<>();
        for (Incident i : storage.incidents().findByTenant(subject.tenant(), INCIDENT_SCAN)) {
            if (i.id().value().equals(ctx.selfIncident())) {
                continue;
            }
            Described d = new Described(i.templates(), describe(storage, signatures, i.signatureIds()).families());
            Ranked<Incident> r = rank(i, ctx, i.signatureIds(), d, similar.applyAsDouble(d), i.hosts(),
                    i.atPromotion().firstSeen(), i.atPromotion().lastSeen(), i.atPromotion().scoreTotal());
            if (r != null) {
                incidents.add(r);
            }
        }
        Comparator<Ranked<?>> best = Comparator.comparingDouble((Ranked<?> r) -> r.score()).reversed();
        candidates.sort(best);
        incidents.sort(best);
        List<Ranked<Candidate>> topCandidates = top(candidates, limit);
        List<Ranked<Incident>> topIncidents = top(incidents, limit);
        return new Related(topCandidates, topIncidents, lessons(storage, subject, ctx, topCandidates, topIncidents,
                limit));
    }

    private static <T> List<Ranked<T>> top(List<Ranked<T>> ranked, int limit) {
        return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
    }

    private record Described(List<String> templates, Set<EventFamily> families) {
    }

    private static Described describe(Storage storage, Map<String, Optional<Signature>> cache, List<String> ids) {
        List<String> templates = new ArrayList<>();
        Set<EventFamily> families = new HashSet<>();
        for (String id : ids) {
            cache.computeIfAbsent(id, k -> storage.inspection().signature(new SignatureId(k))).ifPresent(s -> {
                templates.add(s.template());
                families.add(s.eventFamily());
            });
        }
        return new Described(templates, families);
    }

    private static Context context(Storage storage, MemoryService.Subject s, Map<String, Optional<Signature>> cache) {
        if (s.candidate() != null) {
            Candidate c = s.candidate();
            Described d = describe(storage, cache, c.evidence().signatureIds());
            return new Context(c.id().value(), null, new LinkedHashSet<>(c.evidence().signatureIds()), d.templates(),
                    d.families(), new LinkedHashSet<>(c.evidence().hosts()), c.evidence().firstSeen(),
                    c.evidence().lastSeen());
        }
        if (s.signature() != null) {
            Signature sig = s.signature();
            Set<String> ids = new LinkedHashSet<>();
            ids.add(sig.id().value());
            storage.inspection().signatureAliases(sig.id()).forEach(a -> ids.add(a.value()));
            return new Context(null, null, ids, List.of(sig.template()), Set.of(sig.eventFamily()),
                    new LinkedHashSet<>(sig.hosts()), sig.firstSeen(), sig.lastSeen());
        }
        if (s.event() != null) {
            var e = s.event();
            Described d = describe(storage, cache, List.of(e.signatureId().value()));
            Set<String> hosts = e.host() == null ? Set.of() : Set.of(e.host());
            Set<String> ids = new LinkedHashSet<>();
            ids.add(e.signatureId().value());
            storage.inspection().signature(e.signatureId()).ifPresent(live -> ids.add(live.id().value()));
            return new Context(null, null, ids, d.templates(), d.families(), hosts, e.observedAt(), e.observedAt());
        }
        Incident i = s.incident();
        Described d = describe(storage, cache, i.signatureIds());
        return new Context(null, i.id().value(), new LinkedHashSet<>(i.signatureIds()), i.templates(), d.families(),
                new LinkedHashSet<>(i.hosts()), i.atPromotion().firstSeen(), i.atPromotion().lastSeen());
    }

    /** Ranks one item against the subject, or null when nothing relates them. */
    private static <T> Ranked<T> rank(T item, Context ctx, List<String> signatureIds, Described d, double similarity,
            List<String> hosts, Instant from, Instant to, double score) {
        List<String> why = new ArrayList<>();
        double strength = 0;
        if (signatureIds.stream().anyMatch(ctx.signatureIds()::contains)) {
            why.add("same signature");
            strength = SAME_SIGNATURE;
        }
        if (strength < SAME_SIGNATURE && similarity >= SIMILAR) {
            why.add(String.format(java.util.Locale.ROOT, "similar template (%.0f%% of words shared)",
                    similarity * 100));
            strength = Math.max(strength, SIMILAR_TEMPLATE * similarity);
        }
        Optional<String> sharedHost = hosts.stream().filter(ctx.hosts()::contains).findFirst();
        if (sharedHost.isPresent()) {
            if (d.families().stream().anyMatch(ctx.families()::contains)) {
                why.add("same host (" + sharedHost.get() + ") and event family");
                strength = Math.max(strength, SAME_HOST_AND_FAMILY);
            }
            if (!from.isAfter(ctx.to().plus(CO_OCCURRENCE)) && !to.isBefore(ctx.from().minus(CO_OCCURRENCE))) {
                why.add("within " + CO_OCCURRENCE.toMinutes() + " minutes on " + sharedHost.get());
                strength = Math.max(strength, CO_OCCURRING);
            }
        }
        if (why.isEmpty()) {
            return null;
        }
        // more reasons and a higher score of the item itself break ties
        double ranked = Math.min(1, strength + 0.05 * (why.size() - 1)) + 0.001 * score;
        return new Ranked<>(item, Math.round(ranked * 1000) / 1000.0, why);
    }

    /**
     * Review notes on the subject, on its signatures and on the related candidates and incidents, and the related
     * incidents' summaries: ranked by what they are about.
     */
    private static List<Ranked<Lesson>> lessons(Storage storage, MemoryService.Subject subject, Context ctx,
            List<Ranked<Candidate>> candidates, List<Ranked<Incident>> incidents, int limit) {
        List<Ranked<Lesson>> lessons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (ctx.selfCandidate() != null) {
            notes(storage, subject, SubjectType.CANDIDATE, ctx.selfCandidate(), 1.0, List.of("about this candidate"),
                    lessons, seen);
        }
        if (ctx.selfIncident() != null) {
            notes(storage, subject, SubjectType.INCIDENT, ctx.selfIncident(), 1.0, List.of("about this incident"),
                    lessons, seen);
        }
        for (String sig : ctx.signatureIds()) {
            notes(storage, subject, SubjectType.SIGNATURE, sig, 0.95, List.of("about the same signature"), lessons,
                    seen);
        }
        for (Ranked<Incident> r : incidents) {
            Incident i = r.item();
            if (!i.summary().isEmpty()) {
                lessons.add(new Ranked<>(new Lesson("incident_summary", i.summary(), "incident", i.id().value(),
                        i.promotedBy(), i.promotedAt(), "incident " + i.id().value() + " \"" + i.title() + "\""),
                        r.score(), r.why()));
            }
            notes(storage, subject, SubjectType.INCIDENT, i.id().value(), r.score(), r.why(), lessons, seen);
        }
        for (Ranked<Candidate> r : candidates) {
            notes(storage, subject, SubjectType.CANDIDATE, r.item().id().value(), r.score() * 0.9, r.why(), lessons,
                    seen);
        }
        lessons.sort(Comparator.comparingDouble((Ranked<Lesson> r) -> r.score()).reversed()
                .thenComparing(r -> r.item().at(), Comparator.reverseOrder()));
        return top(lessons, limit);
    }

    private static void notes(Storage storage, MemoryService.Subject subject, SubjectType type, String id,
            double score, List<String> why, List<Ranked<Lesson>> into, Set<String> seen) {
        for (Review r : storage.reviews().findBySubject(subject.tenant(), type, id, 10)) {
            if (r.notes().isEmpty() || !seen.add(r.id().value())) {
                continue;
            }
            into.add(new Ranked<>(new Lesson("review_note", r.notes(), "review", r.id().value(), r.reviewer(),
                    r.recordedAt(), type.wireName() + " " + id + " (judged " + r.decision().wireName() + ")"),
                    Math.round(score * 1000) / 1000.0, why));
        }
    }
}
