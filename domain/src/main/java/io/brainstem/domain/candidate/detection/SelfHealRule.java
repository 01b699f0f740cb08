package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.candidate.detection.StateSignal.HealedInOneMessage;
import io.brainstem.domain.candidate.detection.StateSignal.SelfHealKind;
import io.brainstem.domain.candidate.detection.StateSignal.Transition;
import io.brainstem.domain.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule {@code self_heal}: something failed and came back by itself within the self-heal window. Three ways:
 * <ol>
 *   <li>a failure, then its recovery on the same subject (host, service, the template with its state word
 *       replaced, and the message with state words and plain numbers masked): {@code link eth0 down} ...
 *       {@code link eth0 up}. While a subject's failure is open, further failures are counted into it; the
 *       duration runs from the first one;</li>
 *   <li>one message that says both ("VPN tunnel dropped and recovered"): an episode without a duration;</li>
 *   <li>a LogicMonitor alert that cleared: paired with its active event by {@code alert_id}, else by subject
 *       (host, service, datasource/instance/datapoint or message); or, with no active event seen, timed by its
 *       own {@code started_at} and {@code cleared_at}.</li>
 * </ol>
 * A recovery later than the window after its failure (or before it) closes the failure without an episode, except
 * a <em>long return</em>: a failure that stayed down past the window and came back within
 * {@value #LONG_RETURN_HOURS} h ("was down 3 h, came back") is an episode too, and an outage that long counts one
 * severity step worse than logged (warning as err, err as crit), one of {@value #CRIT_OUTAGE_HOURS} h or more as
 * crit. A pattern that has made
 * {@value #ROUTINE_LONG_RETURNS} long returns is routine: outages of hours that always come back are its rhythm
 * (desk ports off overnight). Failures told in life-cycle words make no long returns.
 *
 * <p><b>Outcomes are not recoveries.</b> A recovery ends a failure: nearly every event of a recovery signature
 * closes one. When, on that host, fewer than 1 in {@value #OUTCOME_SHARE} of a signature's events since it first
 * closed a failure closed one (once there are {@value #OUTCOME_MIN} such events), it is the usual outcome of something attempted often, not
 * the end of an outage: a mistyped password then a logon among many logons, one failed transfer among hourly ones
 * that succeed. It closes the failure without an episode, a state change or an {@code unrecovered} deadline, and
 * a self-heal pattern the same pair made before that was known is reassessed as routine.
 * The pattern key is {@code <failureSigId>|<recoverySigId>|<host>|<service>} (absent host or service empty).
 *
 * <p>Scores: recurrence and recovery from the episode count, spread from the hosts showing the same pair of
 * signatures, severity the most severe event of the pattern, novelty from its first event; burst 0.
 * Every state observation is also handed on ({@link StateChange}) to the flapping rule.
 */
final class SelfHealRule {

    static final int MAX_RECENT_DURATIONS = 64;
    /** A failure that comes back within this many hours, past the self-heal window, is a long return. */
    static final int LONG_RETURN_HOURS = 24;
    /** A pattern with this many long returns is routine. */
    static final int ROUTINE_LONG_RETURNS = 2;
    /** A long return this many hours down counts as crit. */
    static final int CRIT_OUTAGE_HOURS = 2;
    /** A signature of which fewer than 1 in this many events closed a failure is an outcome, not a recovery... */
    static final int OUTCOME_SHARE = 2;
    /** ... once seen at least this often on the host. */
    static final int OUTCOME_MIN = 5;

    record Outcome(Optional<Assessment> assessment, List<StateChange> changes) {
    }

    private record OpenFailure(String subject, EventRef event, Instant since, String template, String alertId,
            int repeats, StateSignal.Thing thing) {
    }

    /** At most this many failures are open at once on one host and service. */
    static final int MAX_OPEN_PER_BUCKET = 32;

    private final DetectionSettings settings;
    private final LruMap<String, List<OpenFailure>> openByBucket;
    private final UnrecoveredRule unrecovered;
    private final LruMap<String, OpenFailure> openByAlertId;
    private final LruMap<String, Pattern> patterns;
    private final LruMap<String, LinkedHashSet<String>> hostsByPair;
    /**
     * Per signature and host ({@code sigId NUL host}): its state events since it first closed a failure, and how
     * many of them closed one, for telling outcomes from recoveries.
     */
    private final LruMap<String, long[]> countsByHost;
    private final List<Assessment> withdrawn = new ArrayList<>(2);

    SelfHealRule(DetectionSettings settings) {
        this.settings = settings;
        this.openByBucket = new LruMap<>(settings.maxTrackedKeys());
        this.unrecovered = new UnrecoveredRule(settings);
        this.openByAlertId = new LruMap<>(settings.maxTrackedKeys());
        this.patterns = new LruMap<>(settings.maxTrackedKeys());
        this.hostsByPair = new LruMap<>(settings.maxTrackedKeys());
        this.countsByHost = new LruMap<>(settings.maxTrackedKeys());
    }

    /** Keys held, for tests of the memory bound. */
    int trackedKeys() {
        return openByBucket.size() + openByAlertId.size() + patterns.size() + hostsByPair.size()
                + countsByHost.size() + unrecovered.trackedKeys();
    }

    /**
     * The failures that have now been open longer than their learned recovery time, and self-heal patterns withdrawn
     * as routine since the last call, as assessments.
     */
    List<Assessment> overdue(Instant now) {
        List<Assessment> late = unrecovered.overdue(now);
        if (withdrawn.isEmpty()) {
            return late;
        }
        List<Assessment> all = new ArrayList<>(late);
        all.addAll(withdrawn);
        withdrawn.clear();
        return List.copyOf(all);
    }

    Outcome observe(EventRef event, String service, String template, StateSignal signal) {
        if (event.host() != null && !(signal instanceof HealedInOneMessage)) {
            String k = event.signatureId() + '\u0000' + event.host();
            long[] n = countsByHost.get(k);
            if (n == null) {
                countsByHost.put(k, new long[] {0, 0, 0});
            } else if (n[1] > 0) {
                n[0]++;
            }
        }
        return switch (signal) {
            case HealedInOneMessage h -> new Outcome(
                    Optional.of(episode(event, template, 0, event, template, null, SelfHealKind.SINGLE_MESSAGE,
                            service, h.thing())),
                    List.of(new StateChange(h.subject(), Polarity.FAILURE, event.at(), event, template,
                                    SelfHealKind.SINGLE_MESSAGE, h.thing()),
                            new StateChange(h.subject(), Polarity.RECOVERY, event.at(), event, template,
                                    SelfHealKind.SINGLE_MESSAGE, h.thing())));
            case Transition t when t.polarity() == Polarity.FAILURE -> failed(event, service, template, t);
            case Transition t -> recovered(event, service, template, t);
        };
    }

    private Outcome failed(EventRef event, String service, String template, Transition t) {
        List<OpenFailure> open = openByBucket.get(t.thing().bucket());
        if (open == null) {
            open = new ArrayList<>(2);
            openByBucket.put(t.thing().bucket(), open);
        }
        OpenFailure same = null;
        for (OpenFailure o : open) {
            if (o.subject().equals(t.subject())) {
                same = o;
            }
        }
        OpenFailure updated;
        if (same == null) {
            updated = new OpenFailure(t.subject(), event, t.at(), template, t.alertId(), 0, t.thing());
            if (open.size() >= MAX_OPEN_PER_BUCKET) {
                forget(open.removeFirst());
            }
            unrecovered.opened(event, t.at(), t.thing(), service);
        } else {
            open.remove(same);
            updated = new OpenFailure(same.subject(), same.event(), same.since(), same.template(), same.alertId(),
                    same.repeats() + 1, same.thing());
        }
        open.add(updated);
        if (updated.alertId() != null) {
            openByAlertId.put(updated.alertId(), updated);
        }
        return new Outcome(Optional.empty(),
                List.of(new StateChange(t.subject(), Polarity.FAILURE, t.at(), event, template, t.kind(),
                        t.thing())));
    }

    private void forget(OpenFailure failure) {
        if (failure.alertId() != null) {
            openByAlertId.remove(failure.alertId(), failure);
        }
    }

    /** The open failure a recovery closes: by alert id, else the one on the same host and service naming the same thing. */
    private OpenFailure close(Transition t) {
        OpenFailure byAlert = t.alertId() == null ? null : openByAlertId.remove(t.alertId());
        List<OpenFailure> open = openByBucket.get(byAlert != null ? byAlert.thing().bucket() : t.thing().bucket());
        if (byAlert != null) {
            if (open != null) {
                open.remove(byAlert);
            }
            return byAlert;
        }
        if (open == null) {
            return null;
        }
        OpenFailure best = null;
        int bestAffinity = 0;
        for (OpenFailure o : open) {
            int affinity = o.subject().equals(t.subject()) ? 4 : o.thing().affinity(t.thing());
            if (affinity > 0 && affinity >= bestAffinity) {
                best = o;
                bestAffinity = affinity;
            }
        }
        if (best != null) {
            open.remove(best);
            forget(best);
        }
        return best;
    }

    /**
     * Counts {@code recovery} as closing a failure; true when fewer than 1 in {@link #OUTCOME_SHARE} of its
     * signature's events on the host since its first close closed one (at least {@link #OUTCOME_MIN} of them): an
     * outcome.
     */
    private boolean outcome(EventRef failure, EventRef recovery) {
        if (recovery.host() == null || failure.signatureId().equals(recovery.signatureId())) {
            return false;
        }
        long[] r = countsByHost.get(recovery.signatureId() + '\u0000' + recovery.host());
        if (r == null) {
            return false;
        }
        if (r[1]++ == 0) {
            r[0] = 1;
        }
        boolean outcome = r[0] >= OUTCOME_MIN && r[1] * OUTCOME_SHARE < r[0];
        if (outcome && r[2] == 0) {
            r[2] = 1;
            withdraw(recovery.signatureId(), recovery.host(), recovery.at());
        }
        return outcome;
    }

    /** Reassesses as routine the self-heal patterns on {@code host} that {@code recoverySignature} ended. */
    private void withdraw(String recoverySignature, String host, Instant now) {
        for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
            Pattern p = e.getValue();
            if (!p.outcome && host.equals(p.host) && recoverySignature.equals(p.recoverySignature)) {
                p.outcome = true;
                LinkedHashSet<String> pairHosts = hostsByPair.get(p.failureSignature + '|' + p.recoverySignature);
                withdrawn.add(p.assess(e.getKey(), pairHosts == null ? 1 : Math.max(1, pairHosts.size()), now));
            }
        }
    }

    private Outcome recovered(EventRef event, String service, String template, Transition t) {
        OpenFailure open = close(t);
        if (open != null && open.alertId() == null && outcome(open.event(), event)) {
            unrecovered.dropped(open.event(), open.thing(), t.at());
            return new Outcome(Optional.empty(), List.of());
        }
        String subject = open != null ? open.subject() : t.subject();
        List<StateChange> changes = new ArrayList<>();
        Optional<Assessment> assessment = Optional.empty();
        if (open != null) {
            Duration took = Duration.between(open.since(), t.at());
            unrecovered.closed(open.event(), open.thing(), took, t.at());
            if (within(took) || longReturn(took, open.thing())) {
                assessment = Optional.of(episode(open.event(), open.template(), open.repeats(), event, template,
                        took, t.kind(), service, open.thing()));
            }
        } else if (t.reportedStart() != null) {
            changes.add(new StateChange(subject, Polarity.FAILURE, t.reportedStart(), event, template, t.kind(),
                    t.thing()));
            Duration took = Duration.between(t.reportedStart(), t.at());
            if (within(took)) {
                assessment = Optional.of(episode(event, template, 0, event, template, took, t.kind(), service,
                        t.thing()));
            }
        }
        changes.add(new StateChange(subject, Polarity.RECOVERY, t.at(), event, template, t.kind(),
                open != null ? open.thing() : t.thing()));
        return new Outcome(assessment, changes);
    }

    private boolean within(Duration took) {
        return !took.isNegative() && took.compareTo(settings.selfHealWindow()) <= 0;
    }

    /** Down past the self-heal window, back within {@value #LONG_RETURN_HOURS} h; not a life-cycle step. */
    private boolean longReturn(Duration took, StateSignal.Thing thing) {
        return !thing.lifecycle() && took.compareTo(settings.selfHealWindow()) > 0
                && took.toSeconds() <= LONG_RETURN_HOURS * 3600L;
    }

    private Assessment episode(EventRef failure, String failureTemplate, int repeats, EventRef recovery,
            String recoveryTemplate, Duration took, SelfHealKind kind, String service, StateSignal.Thing thing) {
        String host = recovery.host();
        String key = patternKey(failure.signatureId(), recovery.signatureId(), host, service);
        Pattern p = patterns.computeIfAbsent(key, k -> new Pattern(kind, failureTemplate, recoveryTemplate, host,
                service, thing, failure.signatureId(), recovery.signatureId()));
        p.record(failure, repeats, recovery, took, took != null && !within(took));
        LinkedHashSet<String> pairHosts = hostsByPair.computeIfAbsent(
                failure.signatureId() + '|' + recovery.signatureId(), k -> new LinkedHashSet<>());
        if (host != null && pairHosts.size() < EvidenceTrail.MAX_HOSTS) {
            pairHosts.add(host);
        }
        return p.assess(key, Math.max(1, pairHosts.size()), recovery.at());
    }

    static String patternKey(String failureSignatureId, String recoverySignatureId, String host, String service) {
        return failureSignatureId + '|' + recoverySignatureId + '|' + (host == null ? "" : host) + '|'
                + (service == null ? "" : service);
    }

    /** The pattern in words: "VPN tunnel dropped and recovered", or "LogicMonitor alert '...'". */
    static String describe(SelfHealKind kind, String failureTemplate, String recoveryTemplate) {
        return switch (kind) {
            case STATE_WORDS -> StateWords.phrase(failureTemplate, recoveryTemplate);
            case SINGLE_MESSAGE -> failureTemplate.strip();
            case LOGICMONITOR -> "LogicMonitor alert " + Phrases.quote(failureTemplate);
        };
    }

    /** One self-healing pattern's episodes so far. */
    private static final class Pattern {
        private final SelfHealKind kind;
        private final String what;
        private final String where;
        private final String title;
        private final String subject;
        private final boolean lifecycle;
        private final String host;
        private final String failureSignature;
        private final String recoverySignature;
        private final EvidenceTrail trail = new EvidenceTrail();
        private final long[] recentSeconds = new long[MAX_RECENT_DURATIONS];
        private int recentCount;
        private int recentNext;
        private long episodes;
        private long timedEpisodes;
        private long minSeconds = Long.MAX_VALUE;
        private long maxSeconds;
        private long lastSeconds;
        private long longReturns;
        /** Its recovery turned out to be the usual outcome of an attempt, not the end of an outage. */
        private boolean outcome;
        private Instant firstEpisode;
        /** The days its episodes began on: one that comes back day after day is chronic. */
        private final DaysSeen days = new DaysSeen();

        Pattern(SelfHealKind kind, String failureTemplate, String recoveryTemplate, String host, String service,
                StateSignal.Thing thing, String failureSignature, String recoverySignature) {
            this.kind = kind;
            this.host = host;
            this.failureSignature = failureSignature;
            this.recoverySignature = recoverySignature;
            this.what = describe(kind, kind == SelfHealKind.STATE_WORDS ? thing.display() : failureTemplate,
                    recoveryTemplate);
            this.where = Phrases.where(host, service);
            this.title = Phrases.title("Self-healing: " + what + " " + where);
            this.subject = thing.subjectPhrase(host, service);
            this.lifecycle = thing.lifecycle();
        }

        void record(EventRef failure, int repeats, EventRef recovery, Duration took, boolean longReturn) {
            episodes++;
            if (longReturn) {
                longReturns++;
            }
            trail.add(failure);
            trail.addUnsampled(repeats, List.of());
            trail.add(recovery);
            firstEpisode = firstEpisode == null || failure.at().isBefore(firstEpisode) ? failure.at() : firstEpisode;
            days.observe(failure.at());
            if (took != null) {
                long s = took.toSeconds();
                timedEpisodes++;
                minSeconds = Math.min(minSeconds, s);
                maxSeconds = Math.max(maxSeconds, s);
                lastSeconds = s;
                recentSeconds[recentNext] = s;
                recentNext = (recentNext + 1) % MAX_RECENT_DURATIONS;
                recentCount = Math.min(recentCount + 1, MAX_RECENT_DURATIONS);
            }
        }

        /** The lower median of the last {@value #MAX_RECENT_DURATIONS} timed episodes. */
        long medianSeconds() {
            long[] sorted = Arrays.copyOf(recentSeconds, recentCount);
            Arrays.sort(sorted);
            return sorted[(sorted.length - 1) / 2];
        }

        Assessment assess(String key, long hostsWithPair, Instant now) {
            Severity severity = trail.mostSevere();
            if (longReturns > 0 && severity.ordinal() > Severity.CRIT.ordinal()) {
                severity = maxSeconds >= CRIT_OUTAGE_HOURS * 3600L ? Severity.CRIT
                        : Severity.values()[severity.ordinal() - 1]; // an outage past the window: one step worse
            }
            double persistence = Scores.share(days.persistence());
            ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(episodes), Scores.recovery(episodes),
                    Scores.spread(hostsWithPair), Scores.severity(severity), 0,
                    Scores.novelty(trail.firstSeen(), now), persistence, 0);
            Map<String, Double> measures = new LinkedHashMap<>();
            measures.put("episodes", (double) episodes);
            if (timedEpisodes > 0) {
                measures.put("timed_episodes", (double) timedEpisodes);
                measures.put("recovery_seconds_min", (double) minSeconds);
                measures.put("recovery_seconds_median", (double) medianSeconds());
                measures.put("recovery_seconds_max", (double) maxSeconds);
                measures.put("recovery_seconds_last", (double) lastSeconds);
            }
            measures.put("hosts_with_same_pair", (double) hostsWithPair);
            if (persistence > 0) {
                measures.put("days_with_episodes", (double) days.days());
                measures.put("days_spanned", (double) days.span());
            }
            if (longReturns > 0) {
                measures.put("long_returns", (double) longReturns);
            }
            boolean rhythm = longReturns >= ROUTINE_LONG_RETURNS;
            boolean routine = lifecycle && trail.mostSevere().ordinal() >= Severity.NOTICE.ordinal() || rhythm
                    || outcome;
            if (routine) {
                breakdown = breakdown.asRoutine();
            }
            return new Assessment(CandidateType.SELF_HEAL, key, title, breakdown,
                    explanation(what, where, hostsWithPair) + (outcome ? " The message that ended it is the usual "
                            + "outcome here (most of them end no failure), so this looks like an attempt that failed "
                            + "and then succeeded, and is kept at watch." : rhythm ? " It has stayed down for hours "
                            + "and come back " + Phrases.times(longReturns) + ", so this looks like its normal rhythm "
                            + "and is kept at watch." : routine ? Scores.ROUTINE_NOTE : ""),
                    trail.toEvidence(measures, subject));
        }

        private String explanation(String what, String where, long hostsWithPair) {
            StringBuilder s = new StringBuilder();
            switch (kind) {
                case STATE_WORDS -> s.append(what).append(' ').append(Phrases.times(episodes)).append(' ')
                        .append(where);
                case SINGLE_MESSAGE -> s.append(Phrases.quote(what)).append(" was reported ")
                        .append(Phrases.times(episodes)).append(' ').append(where);
                case LOGICMONITOR -> s.append(what).append(' ').append(where).append(" started and cleared ")
                        .append(Phrases.times(episodes));
            }
            s.append(" since ").append(Phrases.day(firstEpisode)).append("; ").append(durations()).append('.');
            if (days.persistence() > 0) {
                s.append(" It happened on ").append(days.days()).append(" of the ").append(days.span())
                        .append(" days from its first episode to its last.");
            }
            if (hostsWithPair > 1) {
                s.append(" The same failure and recovery also happened on ")
                        .append(Phrases.count(hostsWithPair - 1, "other host")).append('.');
            }
            return s.toString();
        }

        private String durations() {
            if (timedEpisodes == 0) {
                return "the message itself reports the recovery, not how long it took";
            }
            String max = Phrases.duration(Duration.ofSeconds(maxSeconds));
            if (episodes == 1) {
                return "it came back after " + max;
            }
            String median = Phrases.duration(Duration.ofSeconds(medianSeconds()));
            String typical = median.equals(max) ? "" : " (typically " + median + ")";
            return (timedEpisodes == episodes ? "each time it came back within " : "when timed, it came back within ")
                    + max + typical;
        }
    }
}
