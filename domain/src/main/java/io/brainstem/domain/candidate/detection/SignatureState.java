package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.Signature;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;

/**
 * What the detector keeps per signature id: the analysis of its current template (state words, quoted text,
 * titles), the recurrence rule's samples, most severe severity and last assessment, and the burst rule's
 * per-minute rate. One least-recently-used table holds these (the recurrence and burst rules both touch a
 * signature's entry on every event of it, so one table evicts exactly what their two tables did).
 *
 * <p>The template analysis is computed once per template and redone when the signature's template changes (the
 * miner generalized it), so the state words are not searched on every event.
 */
final class SignatureState {

    final String signatureId;

    private String template;
    private StateWords.Reading reading;
    private String quoted;
    private String recurrenceTitle;
    private String burstTitle;

    // recurrence
    final EvidenceTrail.Samples samples = new EvidenceTrail.Samples();
    Severity mostSevere;
    RecurrenceRule.Reported reported;
    private final List<String> signatureIds;
    private final String recurrenceKey;
    private WeakReference<Signature> hostsOf;
    private int hostsListed = -1;
    private long hostsTotal = -1;
    private List<String> hostList;
    private String hostPhrase;
    private Instant firstSeen;
    private String firstSeenMinute;
    private long noveltyAge = Long.MIN_VALUE;
    private Instant noveltyFirstSeen;
    private double novelty;

    private List<String> entities;
    private boolean mixedEntities;

    /** When this signature's events come: episodes, periodicity, steadiness. */
    final Rhythm rhythm = new Rhythm();

    /** Its events per day, for a rate that rises over days. */
    final DailyRate daily = new DailyRate();

    // burst
    BurstRule.Rate rate;
    private String burstKey;

    SignatureState(String signatureId) {
        this.signatureId = signatureId;
        this.signatureIds = List.of(signatureId);
        this.recurrenceKey = "recurrence:" + signatureId;
    }

    /** Brings the template analysis up to date with the signature's current template; returns that template. */
    String template(String current) {
        if (current != template && !current.equals(template)) {
            template = current;
            reading = StateWords.read(current);
            quoted = null;
            recurrenceTitle = null;
            burstTitle = null;
        }
        return template;
    }

    /** Whether the template reads as a failure that is not merely a life-cycle step ({@code session closed}). */
    boolean readsAsFailure() {
        return reading instanceof StateWords.Failure f && !f.lifecycle()
                || reading instanceof StateWords.FailedAndRecovered;
    }

    /** The state words of the template last given to {@link #template}. */
    StateWords.Reading reading() {
        return reading;
    }

    /** The entities a state event of this signature named; a second, different set makes it many things. */
    void noteEntities(List<String> seen) {
        if (entities == null) {
            entities = seen;
        } else if (!mixedEntities && !entities.equals(seen)) {
            mixedEntities = true;
        }
    }

    /** "GigabitEthernet0/12 on sw-core-1" while all its state events named one thing on one host, else null. */
    String subject(Signature signature) {
        if (entities == null || entities.isEmpty() || mixedEntities || signature.hosts().size() != 1) {
            return null;
        }
        return String.join(", ", entities) + " on " + signature.hosts().iterator().next();
    }

    String quoted() {
        if (quoted == null) {
            quoted = Phrases.quote(template);
        }
        return quoted;
    }

    String recurrenceTitle() {
        if (recurrenceTitle == null) {
            recurrenceTitle = Phrases.title("Recurring: " + template);
        }
        return recurrenceTitle;
    }

    String burstTitle() {
        if (burstTitle == null) {
            burstTitle = Phrases.title("Burst: " + template);
        }
        return burstTitle;
    }

    String recurrenceKey() {
        return recurrenceKey;
    }

    String burstKey() {
        if (burstKey == null) {
            burstKey = "burst:" + signatureId;
        }
        return burstKey;
    }

    List<String> signatureIds() {
        return signatureIds;
    }

    /** The signature's hosts as a list; the set only grows, so its size tells whether it changed. */
    List<String> hostList(Signature signature) {
        refreshHosts(signature);
        return hostList;
    }

    /** " on fw-01 and fw-02", or "" without hosts. */
    String hostPhrase(Signature signature) {
        refreshHosts(signature);
        return hostPhrase;
    }

    private void refreshHosts(Signature signature) {
        int listed = signature.hosts().size();
        long total = signature.distinctHostCount();
        if (listed != hostsListed || total != hostsTotal || hostsOf == null || hostsOf.get() != signature) {
            hostsOf = new WeakReference<>(signature);
            hostsListed = listed;
            hostsTotal = total;
            hostList = List.copyOf(signature.hosts());
            hostPhrase = total == 0 ? "" : " on " + Phrases.hosts(hostList, total);
        }
    }

    String firstSeenMinute(Instant first) {
        if (!first.equals(firstSeen)) {
            firstSeen = first;
            firstSeenMinute = Phrases.minute(first);
        }
        return firstSeenMinute;
    }

    /** {@link Scores#novelty}, recomputed only when the age in whole seconds changes. */
    double novelty(Instant first, Instant now) {
        long age = Scores.ageSeconds(first, now);
        if (age != noveltyAge || !first.equals(noveltyFirstSeen)) {
            noveltyAge = age;
            noveltyFirstSeen = first;
            novelty = Scores.noveltyOfAge(age);
        }
        return novelty;
    }
}
