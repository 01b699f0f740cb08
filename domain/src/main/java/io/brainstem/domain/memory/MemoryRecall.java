package io.brainstem.domain.memory;

import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.Recollection;
import io.brainstem.domain.candidate.Recollection.IncidentMatch;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What operational memory says about a candidate (ADR 20), from the tenant's promoted incidents and the latest
 * review that applies to it.
 *
 * <p>Matching an incident: promoted from this candidate, or sharing one of its signatures (strength 1); a
 * template at least {@value #SIMILAR_ON_HOST} alike on a host the incident was on (0.7); a template at least
 * {@value #SIMILAR_ANYWHERE} alike anywhere (0.5). A {@code useful} review gives at least 0.5.
 *
 * <p>Suppression: {@code noise}, {@code expected} and {@code duplicate} keep the candidate out of the way until it
 * changes materially against the snapshot taken when it was judged: its rate since then is at least twice the
 * rate it had ({@value #MIN_NEW_EVENTS} new events at least), a host joined, or it became more severe. Then it
 * comes back, and says why.
 */
public final class MemoryRecall {

    static final double SIMILAR_ON_HOST = 0.5;
    static final double SIMILAR_ANYWHERE = 0.75;
    static final int MIN_NEW_EVENTS = 3;
    static final double RATE_RISE = 1.5;
    static final int MAX_MATCHES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MemoryRecall() {
    }

    /**
     * Whether a candidate with a signature of this template may match the incident by a similar template (on its
     * host or anywhere): the candidates to judge again when the incident is promoted.
     */
    public static boolean mayMatch(Incident incident, String template) {
        return TemplateSimilarity.best(incident.templates(), List.of(template)) >= SIMILAR_ON_HOST;
    }

    /**
     * A person's judgement that applies to the candidate, and how its subject looks now (the candidate itself, or
     * the signature a signature review was about), to compare with the review's snapshot.
     */
    public record Judgement(Review review, CandidateSnapshot now) {
    }

    /**
     * @param templates the templates of the candidate's signatures
     */
    public static Recollection recall(Candidate candidate, Collection<String> templates, Collection<Incident> incidents,
            Optional<Judgement> judgement) {
        Map<String, Incident> byId = new HashMap<>();
        incidents.forEach(i -> byId.put(i.id().value(), i));
        return recall(candidate, matches(candidate, templates, incidents), byId, judgement);
    }

    /**
     * Like {@link #recall(Candidate, Collection, Collection, Optional)} with the matches already worked out by
     * {@link #matches} (callers cache them: they change only when the incidents or the candidate's signatures do).
     */
    public static Recollection recall(Candidate candidate, List<IncidentMatch> matches,
            Map<String, Incident> incidentsById, Optional<Judgement> judgement) {
        double memory = matches.isEmpty() ? 0 : matches.getFirst().strength();
        List<String> sentences = new ArrayList<>();
        Incident incident = matches.isEmpty() ? null : incidentsById.get(matches.getFirst().incidentId());
        if (incident != null) {
            IncidentMatch best = matches.getFirst();
            String rise = rateRise(candidate, incident);
            sentences.add((rise.isEmpty() ? "It matches" : "It has increased in frequency (" + rise
                    + ") and matches") + " incident " + best.incidentId() + " \"" + best.title() + "\", promoted on "
                    + DAY.format(best.promotedAt()) + " (" + best.why() + ")"
                    + (matches.size() > 1 ? ", and " + (matches.size() - 1) + " more" : "") + ".");
        }
        String suppressedBy = null;
        String reason = null;
        if (judgement.isPresent()) {
            Review review = judgement.get().review();
            String judged = review.who() + " judged it " + review.decision().wireName() + " on "
                    + DAY.format(review.recordedAt());
            if (review.decision().suppresses()) {
                Optional<String> change = review.snapshot().flatMap(then -> change(then, judgement.get().now()));
                if (change.isPresent()) {
                    reason = "It is back after " + judged + ": " + change.get() + ".";
                    sentences.add(reason);
                } else {
                    suppressedBy = review.id().value();
                    reason = judged + (review.notes().isEmpty() ? "" : ": " + review.notes());
                }
            } else {
                memory = Math.max(memory, 0.5);
                sentences.add(capitalize(judged) + (review.notes().isEmpty() ? "." : ": " + review.notes()));
            }
        }
        return new Recollection(memory, matches, suppressedBy, capitalize(reason), String.join(" ", sentences));
    }

    /** The incidents {@code candidate} matches, best first, at most {@value #MAX_MATCHES}. */
    public static List<IncidentMatch> matches(Candidate candidate, Collection<String> templates,
            Collection<Incident> incidents) {
        Evidence e = candidate.evidence();
        Set<String> signatures = new HashSet<>(e.signatureIds());
        Set<String> hosts = new HashSet<>(e.hosts());
        List<IncidentMatch> matches = new ArrayList<>();
        for (Incident incident : incidents) {
            if (!incident.tenantId().equals(candidate.tenantId())) {
                continue;
            }
            String why;
            double strength;
            if (incident.candidateId().equals(candidate.id())) {
                why = "promoted from this candidate";
                strength = 1;
            } else if (incident.signatureIds().stream().anyMatch(signatures::contains)) {
                why = "same signature";
                strength = 1;
            } else {
                double similarity = TemplateSimilarity.best(templates, incident.templates());
                boolean sameHost = incident.hosts().stream().anyMatch(hosts::contains);
                if (sameHost && similarity >= SIMILAR_ON_HOST) {
                    why = "similar template on the same host";
                    strength = 0.7;
                } else if (similarity >= SIMILAR_ANYWHERE) {
                    why = "similar template";
                    strength = 0.5;
                } else {
                    continue;
                }
            }
            matches.add(new IncidentMatch(incident.id().value(), incident.title(), incident.promotedAt(), why,
                    strength));
        }
        matches.sort(Comparator.comparingDouble(IncidentMatch::strength).reversed()
                .thenComparing(IncidentMatch::promotedAt, Comparator.reverseOrder()));
        return matches.size() > MAX_MATCHES ? List.copyOf(matches.subList(0, MAX_MATCHES)) : matches;
    }

    /**
     * "3.0 a day against 1.2 when promoted" when the candidate now comes at least {@value #RATE_RISE} times as
     * often as the incident did; else empty. The incident's own candidate is measured since promotion.
     */
    static String rateRise(Candidate candidate, Incident incident) {
        CandidateSnapshot then = incident.atPromotion();
        Evidence e = candidate.evidence();
        double now;
        if (incident.candidateId().equals(candidate.id())) {
            long added = e.eventCount() - then.eventCount();
            if (added < MIN_NEW_EVENTS || !e.lastSeen().isAfter(then.lastSeen())) {
                return "";
            }
            now = CandidateSnapshot.perDay(added, then.lastSeen(), e.lastSeen());
        } else {
            now = CandidateSnapshot.of(candidate).perDay();
        }
        double before = then.perDay();
        return now >= RATE_RISE * before ? rate(now) + " a day against " + rate(before) + " when promoted" : "";
    }

    /** What changed materially since {@code then}, as a phrase, or empty. */
    static Optional<String> change(CandidateSnapshot then, CandidateSnapshot now) {
        List<String> changes = new ArrayList<>();
        long added = now.eventCount() - then.eventCount();
        if (added >= MIN_NEW_EVENTS && now.lastSeen().isAfter(then.lastSeen())) {
            double since = CandidateSnapshot.perDay(added, then.lastSeen(), now.lastSeen());
            if (since >= 2 * then.perDay()) {
                changes.add("its rate doubled (" + rate(since) + " a day against " + rate(then.perDay()) + ")");
            }
        }
        List<String> joined = now.hosts().stream().filter(h -> !then.hosts().contains(h)).toList();
        if (!joined.isEmpty()) {
            changes.add((joined.size() == 1 ? "a new host joined: " : "new hosts joined: ")
                    + String.join(", ", joined.subList(0, Math.min(3, joined.size())))
                    + (joined.size() > 3 ? " and " + (joined.size() - 3) + " more" : ""));
        }
        if (then.severity() >= 0 && now.severity() > then.severity() + 1e-9) {
            changes.add("it became more severe");
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", changes));
    }

    private static String rate(double perDay) {
        return perDay >= 10 ? String.valueOf(Math.round(perDay)) : String.format(Locale.ROOT, "%.1f", perDay);
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
