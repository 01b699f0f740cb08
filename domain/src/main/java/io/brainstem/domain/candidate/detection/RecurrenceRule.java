package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.Evidence;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rule {@code recurrence}: a signature seen at least {@code threshold} times in the tenant is a candidate,
 * reassessed on further sightings (see below). Counts, hosts and first/last seen come from the signature itself
 * (so they include what was seen before a restart); this rule keeps only sample event ids and the most severe
 * severity per signature.
 *
 * <p>Scores: recurrence from the occurrence count, spread from the signature's distinct hosts, severity the
 * most severe seen, novelty from the signature's first sighting. Recovery is 0.5 for a failure (or anything at
 * warning or worse) that comes on a rhythm (periodic): each of its episodes ended by itself, though no message said
 * so; else 0. Burst is the
 * <em>rise</em> of its daily rate ({@link DailyRate}: the last two days against the median day before them) when
 * that is at least the burst factor ("its rate rose: 180 in the last two days against 3 a day before"), scored as
 * a burst ratio; else 0. A rising signature is no steady background.
 *
 * <p><b>When a sighting reassesses.</b> The first sighting at or above the threshold is always assessed (and so
 * is the first after this signature's entry was evicted, or after a restart). After that a sighting is assessed
 * only when something the stored candidate shows would change materially, that is when any of these holds
 * against the last assessment:
 * <ul>
 *   <li>the occurrence count grew by at least 1% of the assessed count (at least by 1: below 200 occurrences
 *       every sighting is assessed), or went down;</li>
 *   <li>a score component differs (recurrence, spread, severity, or novelty at four decimals), so the stored
 *       score and decision band are never behind;</li>
 *   <li>the distinct host count, the hosts listed, the most severe severity, the template, the first seen time
 *       or the threshold differ;</li>
 *   <li>the signature's last seen time is at least {@value #REFRESH_SECONDS} s (event time) after the assessed
 *       one.</li>
 * </ul>
 * Between assessments the stored candidate's event count trails the signature's by less than 1% and its last
 * seen and samples by less than {@value #REFRESH_SECONDS} s of event time; everything else it shows is current.
 * A sighting that is not assessed returns nothing, which spares the caller a candidate write per event.
 */
final class RecurrenceRule {

    /** Event-time seconds after which a sighting is assessed again even when nothing else changed. */
    static final long REFRESH_SECONDS = 60;
    /** Below this many occurrences every sighting is assessed; above, every 1% of growth. */
    static final long COUNT_STEP_DIVISOR = 100;

    /** What the last assessment of a signature said, to decide whether the next sighting changes it. */
    record Reported(long count, int threshold, String template, long distinctHosts, int hostsListed,
            Severity severity, Instant firstSeen, Instant lastSeen, double novelty, String periodicity,
            boolean routine, double trend) {

        boolean outdatedBy(long n, int threshold, Signature s, Severity severity, double novelty, String periodicity,
                boolean routine, double trend) {
            return n - count >= Math.max(1, count / COUNT_STEP_DIVISOR) || n < count || trend != this.trend
                    || !java.util.Objects.equals(periodicity, this.periodicity) || routine != this.routine
                    || threshold != this.threshold
                    || s.distinctHostCount() != distinctHosts || s.hosts().size() != hostsListed
                    || severity != this.severity
                    || novelty != this.novelty
                    || !sameTemplate(s.template())
                    || !s.firstSeen().equals(firstSeen)
                    || atLeastRefreshAfter(s.lastSeen(), lastSeen);
        }

        private boolean sameTemplate(String t) {
            return t == template || t.equals(template);
        }

        private static boolean atLeastRefreshAfter(Instant later, Instant earlier) {
            long seconds = later.getEpochSecond() - earlier.getEpochSecond();
            return seconds > REFRESH_SECONDS || seconds == REFRESH_SECONDS && later.getNano() >= earlier.getNano();
        }
    }

    private final boolean throttle;
    private final double factor;

    RecurrenceRule(boolean throttle, double factor) {
        this.throttle = throttle;
        this.factor = factor;
    }

    /** The burst score of the signature's daily rise, 0 below the burst factor. */
    static double trend(SignatureState state, double factor) {
        double rise = state.daily.rise();
        return rise >= factor ? Scores.burst(rise, factor) : 0;
    }

    /** A signature first seen this long after the tenant's first event is new for the tenant... */
    static final long NEW_AFTER_SECONDS = 86_400;
    /** ... for this long after its own first sighting. */
    static final long NEW_FOR_SECONDS = 3 * 86_400;

    /**
     * Whether a pattern of this signature is routine chatter: a recovery (good news repeating is no problem); at
     * most notice and not a failure; or at most warning and steady, unless the signature is new for the tenant.
     */
    static boolean routine(SignatureState state, Severity severity, Instant firstSeen, Instant now,
            Instant tenantSince) {
        boolean failure = state.readsAsFailure();
        if (!failure && severity.ordinal() >= Severity.NOTICE.ordinal()
                || state.reading() instanceof StateWords.Recovery) {
            return true;
        }
        boolean newForTenant = tenantSince != null
                && firstSeen.getEpochSecond() - tenantSince.getEpochSecond() >= NEW_AFTER_SECONDS
                && now.getEpochSecond() - firstSeen.getEpochSecond() < NEW_FOR_SECONDS;
        return !newForTenant && state.rhythm.steady() && severity.ordinal() >= Severity.WARNING.ordinal()
                && !rising(state);
    }

    /** Whether its daily rate rose at least {@link #RISING}-fold: a rising background is not a steady one. */
    static boolean rising(SignatureState state) {
        return state.daily.rise() >= RISING;
    }

    /** The daily rise that makes a signature rising (the default burst factor). */
    static final double RISING = 4.0;

    Assessment observe(SignatureState state, EventRef event, Signature signature, int threshold,
            Instant tenantSince) {
        if (state.samples.add(event.id())) {
            Severity mostSevere = state.mostSevere;
            if (mostSevere == null || event.severity().ordinal() < mostSevere.ordinal()) {
                state.mostSevere = event.severity();
            }
        }
        long n = signature.occurrenceCount();
        if (n < threshold) {
            return null;
        }
        Severity severity = state.mostSevere;
        Instant first = signature.firstSeen();
        double novelty = state.novelty(first, event.at());
        String periodicity = state.rhythm.periodicity();
        boolean routine = routine(state, severity, first, event.at(), tenantSince);
        double trend = trend(state, factor);
        Reported last = state.reported;
        if (throttle && last != null
                && !last.outdatedBy(n, threshold, signature, severity, novelty, periodicity, routine, trend)) {
            return null;
        }
        long hosts = signature.distinctHostCount();
        state.reported = new Reported(n, threshold, signature.template(), hosts, signature.hosts().size(), severity,
                first, signature.lastSeen(), novelty, periodicity, routine, trend);
        boolean periodicFailure = periodicity != null
                && (state.readsAsFailure() || severity.ordinal() <= Severity.WARNING.ordinal());
        ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(n), periodicFailure ? Scores.recovery(1) : 0,
                Scores.spread(hosts), Scores.severity(severity), trend, novelty, periodicity == null ? 0 : 1,
                routine ? 1 : 0);
        Map<String, Double> measures = new LinkedHashMap<>(4);
        measures.put("occurrences", (double) n);
        measures.put("threshold", (double) threshold);
        measures.put("distinct_hosts", (double) hosts);
        if (periodicity != null) {
            measures.put("periodic", 1.0);
        }
        if (trend > 0) {
            measures.put("daily_rise", Math.round(state.daily.rise() * 10) / 10.0);
            measures.put("last_two_days", (double) state.daily.recent());
            measures.put("median_day_before", state.daily.median());
        }
        String subject = hosts == 1 && !signature.hosts().isEmpty() ? state.subject(signature) : null;
        Evidence evidence = new Evidence(n, state.signatureIds(), state.hostList(signature), first,
                signature.lastSeen(), state.samples.toList(), measures, subject);
        String explanation = state.quoted() + " has happened " + Phrases.times(n) + " since "
                + state.firstSeenMinute(first) + state.hostPhrase(signature) + ", most severely at "
                + severity.wireName() + "; the recurrence threshold is " + threshold + "."
                + (periodicity == null ? "" : " It comes " + periodicity
                        + (periodicFailure ? ", and goes away by itself between times" : "") + ".")
                + (trend == 0 ? "" : " Its rate rose: " + state.daily.recent() + " in the last two days, against "
                        + Phrases.rate(state.daily.median()) + " a day before (" + Phrases.rate(state.daily.rise())
                        + "x).")
                + (routine ? Scores.ROUTINE_NOTE : "");
        return new Assessment(CandidateType.RECURRENCE, state.recurrenceKey(), state.recurrenceTitle(), breakdown,
                explanation, evidence);
    }
}
