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
 * A recovery later than the window after its failure (or before it) closes the failure without an episode.
 * The pattern key is {@code <failureSigId>|<recoverySigId>|<host>|<service>} (absent host or service empty).
 *
 * <p>Scores: recurrence and recovery from the episode count, spread from the hosts showing the same pair of
 * signatures, severity the most severe event of the pattern, novelty from its first event; burst 0.
 * Every state observation is also handed on ({@link StateChange}) to the flapping rule.
 */
final class SelfHealRule {

    static final int MAX_RECENT_DURATIONS = 64;

    record Outcome(Optional<Assessment> assessment, List<StateChange> changes) {
    }

    private record OpenFailure(String subject, EventRef event, Instant since, String template, String alertId,
            int repeats, StateSignal.Thing thing) {
    }

    /** At most this many failures are open at once on one host and service. */
    static final int MAX_OPEN_PER_BUCKET = 16;

    private final DetectionSettings settings;
    private final LruMap<String, List<OpenFailure>> openByBucket;
    private final UnrecoveredRule unrecovered;
    private final LruMap<String, OpenFailure> openByAlertId;
    private final LruMap<String, Pattern> patterns;
    private final LruMap<String, LinkedHashSet<String>> hostsByPair;

    SelfHealRule(DetectionSettings settings) {
        this.settings = settings;
        this.openByBucket = new LruMap<>(settings.maxTrackedKeys());
        this.unrecovered = new UnrecoveredRule(settings);
        this.openByAlertId = new LruMap<>(settings.maxTrackedKeys());
        this.patterns = new LruMap<>(settings.maxTrackedKeys());
        this.hostsByPair = new LruMap<>(settings.maxTrackedKeys());
    }

    /** Keys held, for tests of the memory bound. */
    int trackedKeys() {
        return openByBucket.size() + openByAlertId.size() + patterns.size() + hostsByPair.size()
                + unrecovered.trackedKeys();
    }

    /** The failures that have now been open longer than their learned recovery time, as assessments. */
    List<Assessment> overdue(Instant now) {
        return unrecovered.overdue(now);
    }

    Outcome observe(EventRef event, String service, String template, StateSignal signal) {
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

    private Outcome recovered(EventRef event, String service, String template, Transition t) {
        OpenFailure open = close(t);
        String subject = open != null ? open.subject() : t.subject();
        List<StateChange> changes = new ArrayList<>();
        Optional<Assessment> assessment = Optional.empty();
        if (open != null) {
            Duration took = Duration.between(open.since(), t.at());
            unrecovered.closed(open.event(), open.thing(), took, t.at());
            if (within(took)) {
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

    private Assessment episode(EventRef failure, String failureTemplate, int repeats, EventRef recovery,
            String recoveryTemplate, Duration took, SelfHealKind kind, String service, StateSignal.Thing thing) {
        String host = recovery.host();
        String key = patternKey(failure.signatureId(), recovery.signatureId(), host, service);
        Pattern p = patterns.computeIfAbsent(key,
                k -> new Pattern(kind, failureTemplate, recoveryTemplate, host, service, thing));
        p.record(failure, repeats, recovery, took);
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
        private final EvidenceTrail trail = new EvidenceTrail();
        private final long[] recentSeconds = new long[MAX_RECENT_DURATIONS];
        private int recentCount;
        private int recentNext;
        private long episodes;
        private long timedEpisodes;
        private long minSeconds = Long.MAX_VALUE;
        private long maxSeconds;
        private long lastSeconds;
        private Instant firstEpisode;

        Pattern(SelfHealKind kind, String failureTemplate, String recoveryTemplate, String host, String service,
                StateSignal.Thing thing) {
            this.kind = kind;
            this.what = describe(kind, kind == SelfHealKind.STATE_WORDS ? thing.display() : failureTemplate,
                    recoveryTemplate);
            this.where = Phrases.where(host, service);
            this.title = Phrases.title("Self-healing: " + what + " " + where);
            this.subject = thing.subjectPhrase(host, service);
            this.lifecycle = thing.lifecycle();
        }

        void record(EventRef failure, int repeats, EventRef recovery, Duration took) {
            episodes++;
            trail.add(failure);
            trail.addUnsampled(repeats, List.of());
            trail.add(recovery);
            firstEpisode = firstEpisode == null || failure.at().isBefore(firstEpisode) ? failure.at() : firstEpisode;
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
            ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(episodes), Scores.recovery(episodes),
                    Scores.spread(hostsWithPair), Scores.severity(trail.mostSevere()), 0,
                    Scores.novelty(trail.firstSeen(), now));
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
            boolean routine = lifecycle && trail.mostSevere().ordinal() >= Severity.NOTICE.ordinal();
            if (routine) {
                breakdown = breakdown.asRoutine();
            }
            return new Assessment(CandidateType.SELF_HEAL, key, title, breakdown,
                    explanation(what, where, hostsWithPair) + (routine ? Scores.ROUTINE_NOTE : ""),
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
