package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.event.Severity;
import io.brainstem.domain.candidate.ScoreBreakdown;
import io.brainstem.domain.candidate.detection.CandidateDetector.Assessment;
import io.brainstem.domain.candidate.detection.StateSignal.SelfHealKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule {@code flapping}: a subject (see {@link SelfHealRule}) keeps changing state. Its last 21 observations
 * within the look-back (default one hour before the newest) give a weighted percent state change
 * ({@link StateHistory}); with hysteresis, it starts flapping when that rises above the start percent (50) and
 * stops only when it falls below the stop percent (25). While a subject flaps, each of its observations
 * reassesses the candidate; the observation that ends it reassesses it once more ("stopped flapping"), and then
 * the candidate rests until the subject flaps again. Flapping is judged only when an event arrives: a subject that
 * goes quiet keeps its last assessment until its next observation.
 *
 * <p>The pattern key is that of the self-heal pair, {@code <failureSigId>|<recoverySigId>|<host>|<service>}, from
 * the first failure and first recovery signature of the subject; several subjects of one pattern (eth0, eth1)
 * share the candidate. Scores: recurrence from the state changes while flapping, recovery from the recoveries
 * among them, burst the weighted percent state change / 100, severity the most severe event, novelty from the
 * first flapping event; spread 0.
 */
final class FlappingRule {

    /** Flapping subjects remembered per pattern; a pattern with more counts as flapping until these stop. */
    static final int MAX_FLAPPING_SUBJECTS = 64;

    private final DetectionSettings settings;
    private final LruMap<String, Subject> subjects;
    private final LruMap<String, Pattern> patterns;

    FlappingRule(DetectionSettings settings) {
        this.settings = settings;
        this.subjects = new LruMap<>(settings.maxTrackedKeys());
        this.patterns = new LruMap<>(settings.maxTrackedKeys());
    }

    /** Keys held, for tests of the memory bound. */
    int trackedKeys() {
        return subjects.size() + patterns.size();
    }

    /** At most one assessment: the observations of one event concern one subject, so one pattern. */
    Optional<Assessment> observe(List<StateChange> changes, String service) {
        Optional<Assessment> result = Optional.empty();
        for (StateChange change : changes) {
            Optional<Assessment> a = observe(change, service);
            if (a.isPresent()) {
                result = a;
            }
        }
        return result;
    }

    private Optional<Assessment> observe(StateChange change, String service) {
        Subject subject = subjects.computeIfAbsent(change.subject(),
                k -> new Subject(change.event().host(), service, change.kind(), change.thing()));
        subject.learn(change);
        boolean changed = subject.history.add(new StateHistory.Entry(change.at(), change.polarity(), change.event()));
        subject.history.forgetBefore(change.at().minus(settings.flapLookback()));
        double percent = subject.history.percentStateChange();
        boolean wasFlapping = subject.flapping;
        if (!wasFlapping && percent > settings.flapStartPercent()) {
            subject.flapping = true;
        } else if (wasFlapping && percent < settings.flapStopPercent()) {
            subject.flapping = false;
        }
        if (!subject.flapping && !wasFlapping) {
            return Optional.empty();
        }
        String key = subject.patternKey();
        Pattern p = patterns.computeIfAbsent(key, k -> new Pattern(subject));
        if (subject.flapping && !wasFlapping) {
            p.start(change.subject(), subject.history, change.at());
        } else {
            p.add(change, changed);
        }
        if (!subject.flapping) {
            p.stop(change.subject(), change.at());
        }
        return Optional.of(p.assess(key, percent, subject.history.size(), change.at()));
    }

    /** One thing on one host whose state we follow. */
    private static final class Subject {
        private final String host;
        private final String service;
        private final SelfHealKind kind;
        private final StateSignal.Thing thing;
        private final StateHistory history = new StateHistory();
        private String failureSignature;
        private String failureTemplate;
        private String recoverySignature;
        private String recoveryTemplate;
        private boolean flapping;

        Subject(String host, String service, SelfHealKind kind, StateSignal.Thing thing) {
            this.host = host;
            this.service = service;
            this.kind = kind;
            this.thing = thing;
        }

        void learn(StateChange change) {
            if (change.polarity() == Polarity.FAILURE && failureSignature == null) {
                failureSignature = change.event().signatureId();
                failureTemplate = change.thing() != null && change.kind() == SelfHealKind.STATE_WORDS
                        ? change.thing().display() : change.template();
            } else if (change.polarity() == Polarity.RECOVERY && recoverySignature == null) {
                recoverySignature = change.event().signatureId();
                recoveryTemplate = change.template();
            }
        }

        /** Only asked once flapping, which takes both a failure and a recovery. */
        String patternKey() {
            return SelfHealRule.patternKey(failureSignature, recoverySignature, host, service);
        }
    }

    /** A flapping pattern: its flapping subjects and what has been seen while they flapped. */
    private final class Pattern {
        private final String what;
        private final String where;
        private final String flappingTitle;
        private final String stoppedTitle;
        private final String subject;
        private final boolean lifecycle;
        private final EvidenceTrail trail = new EvidenceTrail();
        private final LinkedHashSet<String> flappingSubjects = new LinkedHashSet<>();
        private long stateChanges;
        private long recoveries;
        private long episodes;
        private Instant since;
        private Instant stoppedAt;

        Pattern(Subject s) {
            this.what = SelfHealRule.describe(s.kind, s.failureTemplate, s.recoveryTemplate);
            this.where = Phrases.where(s.host, s.service);
            this.flappingTitle = Phrases.title("Flapping: " + what + " " + where);
            this.stoppedTitle = Phrases.title("Stopped flapping: " + what + " " + where);
            this.subject = s.thing == null ? null : s.thing.subjectPhrase(s.host, s.service);
            this.lifecycle = s.thing != null && s.thing.lifecycle();
        }

        void start(String subject, StateHistory history, Instant at) {
            if (flappingSubjects.isEmpty()) {
                episodes++;
                since = history.entries().getFirst().at();
                stoppedAt = null;
            }
            if (flappingSubjects.size() < MAX_FLAPPING_SUBJECTS) {
                flappingSubjects.add(subject);
            }
            stateChanges += history.changes();
            for (StateHistory.Entry e : history.entries()) {
                trail.add(e.event());
                recoveries += e.state() == Polarity.RECOVERY ? 1 : 0;
            }
        }

        void add(StateChange change, boolean changed) {
            since = since == null ? change.at() : since; // the pattern was evicted while its subject flapped
            trail.add(change.event());
            stateChanges += changed ? 1 : 0;
            recoveries += change.polarity() == Polarity.RECOVERY ? 1 : 0;
        }

        void stop(String subject, Instant at) {
            flappingSubjects.remove(subject);
            if (flappingSubjects.isEmpty()) {
                stoppedAt = at;
            }
        }

        Assessment assess(String key, double percent, int states, Instant now) {
            boolean flapping = !flappingSubjects.isEmpty();
            ScoreBreakdown breakdown = new ScoreBreakdown(Scores.recurrence(stateChanges), Scores.recovery(recoveries),
                    0, Scores.severity(trail.mostSevere()), Scores.percent(percent),
                    Scores.novelty(trail.firstSeen(), now));
            Map<String, Double> measures = new LinkedHashMap<>();
            measures.put("percent_state_change", Math.round(percent * 10) / 10.0);
            measures.put("state_changes", (double) stateChanges);
            measures.put("flapping", flapping ? 1.0 : 0.0);
            measures.put("flap_start_percent", settings.flapStartPercent());
            measures.put("flap_stop_percent", settings.flapStopPercent());
            measures.put("flapping_episodes", (double) episodes);
            String explanation = flapping
                    ? what + " " + where + " is flapping: " + stateChanges + " state changes since "
                            + Phrases.minute(since) + "; weighted state change " + Phrases.percent(percent)
                            + " over the last " + states + " states (flapping starts above "
                            + Phrases.percent(settings.flapStartPercent()) + ", ends below "
                            + Phrases.percent(settings.flapStopPercent()) + ")."
                    : what + " " + where + " stopped flapping at " + Phrases.minute(stoppedAt)
                            + ": its weighted state change fell to " + Phrases.percent(percent) + " (below "
                            + Phrases.percent(settings.flapStopPercent()) + ") after " + stateChanges
                            + " state changes since " + Phrases.minute(since) + ".";
            boolean routine = lifecycle && trail.mostSevere().ordinal() >= Severity.NOTICE.ordinal();
            if (routine) {
                breakdown = breakdown.asRoutine();
            }
            return new Assessment(CandidateType.FLAPPING, key, flapping ? flappingTitle : stoppedTitle, breakdown,
                    explanation + (routine ? Scores.ROUTINE_NOTE : ""), trail.toEvidence(measures, subject));
        }
    }
}
