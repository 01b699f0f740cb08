package io.brainstem.domain.candidate.detection;

import io.brainstem.domain.event.Severity;
import io.brainstem.domain.signature.Signature;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Failure/recovery pairs learned from the stream, for vocabularies whose words say nothing: when signature B
 * regularly follows signature A on the same host within {@value #WINDOW_MINUTES} minutes, more often than B's own
 * rate explains, and A reads worse than B (a failure, or a worse severity, while B is no failure), then A is a
 * failure and B its recovery. A message that reads as a recovery by its words never opens a learned failure
 * ({@code Interface up} at err followed by {@code Line protocol up} at notice is no fault).
 *
 * <p>Per host, the recent events that could open a failure (a failure reading or warning and worse) are kept, at
 * most {@value #MAX_RECENT_PER_HOST}. An event B counts as following such an event A (once per A) when B is
 * rare enough that it would land in a random window of that length with a probability below
 * {@value #MAX_CHANCE} (its signature's rate per host). A→B is learned from {@value #MIN_FOLLOWS} follows that are
 * at least {@value #MIN_SHARE} of A's occurrences. Each signature is learned into one pair at most.
 *
 * <p><b>Companions are not recoveries.</b> A line that also comes within {@value #COMPANION_SECONDS} s after a word
 * recovery on its host ({@value #MIN_FOLLOWS} times or more; among the first {@value #MAX_COMPANIONS} lines after
 * it) accompanies every state change (knet's {@code host: host: 3 (passive) best link: 0} after both
 * {@code is down} and {@code is up}; STP's {@code moving from ... to ...} after a port goes down and up): it is
 * never learned as a recovery, and a pair learned before that was seen is forgotten, so that the words pair the
 * failure with its own recovery. Nor is a line that comes within {@value #SAME_REPORT_SECONDS} s of A: it is part of
 * the same report (STP's {@code moving from forwarding to disabled} a second after {@code changed state to down}); a
 * recovery takes longer than that.
 * Bounded: the per-host, per-signature and per-pair tables hold at most {@code maxTrackedKeys} keys each.
 */
final class LearnedPairs {

    static final int WINDOW_MINUTES = 10;
    static final int MAX_RECENT_PER_HOST = 16;
    static final double MAX_CHANCE = 0.25;
    static final int MIN_FOLLOWS = 3;
    static final double MIN_SHARE = 0.6;
    static final int COMPANION_SECONDS = 60;
    static final int SAME_REPORT_SECONDS = 3;
    static final int MAX_COMPANIONS = 4;

    /** A host's last word recovery and the signatures that came after it, at most {@link #MAX_COMPANIONS}. */
    private static final class LastRecovery {
        String signatureId;
        Instant at;
        final String[] after = new String[MAX_COMPANIONS];
        int afterCount;
    }

    private static final class Recent {
        final String signatureId;
        final Instant at;
        final Severity severity;
        final boolean failure;
        String followedBy;

        Recent(String signatureId, Instant at, Severity severity, boolean failure) {
            this.signatureId = signatureId;
            this.at = at;
            this.severity = severity;
            this.failure = failure;
        }
    }

    /** A host's recent events that could open a failure, and its last word recovery. */
    private static final class HostRecent extends ArrayDeque<Recent> {
        LastRecovery last;

        HostRecent() {
            super(4);
        }
    }

    private final LruMap<String, HostRecent> recentByHost;
    private final LruMap<String, long[]> antecedentCount;
    private final LruMap<String, long[]> follows;
    /** Learned: failure signature to its recovery signature, and back. */
    private final LruMap<String, String> recoveryOf;
    private final LruMap<String, String> failureOf;
    /** How often each signature came shortly after a word recovery on its host. */
    private final LruMap<String, long[]> followsRecovery;

    LearnedPairs(int maxTrackedKeys) {
        this.recentByHost = new LruMap<>(maxTrackedKeys);
        this.antecedentCount = new LruMap<>(maxTrackedKeys);
        this.follows = new LruMap<>(maxTrackedKeys);
        this.recoveryOf = new LruMap<>(maxTrackedKeys);
        this.failureOf = new LruMap<>(maxTrackedKeys);
        this.followsRecovery = new LruMap<>(maxTrackedKeys);
    }

    int trackedKeys() {
        return recentByHost.size() + antecedentCount.size() + follows.size() + recoveryOf.size() + failureOf.size()
                + followsRecovery.size();
    }

    /** The learned recovery signature of {@code signatureId} when it is a learned failure, else null. */
    String recoveryOf(String signatureId) {
        return recoveryOf.get(signatureId);
    }

    /** The learned failure signature of {@code signatureId} when it is a learned recovery, else null. */
    String failureOf(String signatureId) {
        return failureOf.get(signatureId);
    }

    /**
     * Learns from one event: counts it as a follower of the host's recent worse events, then remembers it when it
     * could itself open a failure.
     *
     * @param failure  whether the event reads as a failure by its words
     * @param recovery whether it reads as a recovery by its words (a word failure followed by a word recovery
     *                 pairs by words already, and is not learned)
     */
    void observe(EventRef event, Signature signature, boolean failure, boolean recovery) {
        String host = event.host();
        if (host == null) {
            return;
        }
        HostRecent recent = recentByHost.get(host);
        Instant since = event.at().minusSeconds(WINDOW_MINUTES * 60L);
        String b = event.signatureId();
        if (recovery && !failure && recent == null) {
            recent = new HostRecent();
            recentByHost.put(host, recent);
        }
        if (recent != null) {
            companions(recent, b, event.at(), failure, recovery);
        }
        while (recent != null && !recent.isEmpty() && recent.peekFirst().at.isBefore(since)) {
            recent.removeFirst();
        }
        if (recent != null && !recent.isEmpty() && !failure && rareEnough(signature)) {
            for (Recent a : recent) {
                if (a.followedBy == null && !a.signatureId.equals(b) && !a.at.isAfter(event.at())
                        && !a.at.isBefore(since)
                        && (a.failure || a.severity.ordinal() < event.severity().ordinal())
                        && !(a.failure && recovery)
                        && event.at().getEpochSecond() - a.at.getEpochSecond() >= SAME_REPORT_SECONDS) {
                    a.followedBy = b;
                    follow(a.signatureId, b);
                }
            }
        }
        boolean couldFail = failure || (!recovery && event.severity().ordinal() <= Severity.WARNING.ordinal());
        if (couldFail) {
            if (recent == null) {
                recent = new HostRecent();
                recentByHost.put(host, recent);
            }
            recent.addLast(new Recent(b, event.at(), event.severity(), failure));
            if (recent.size() > MAX_RECENT_PER_HOST) {
                recent.removeFirst();
            }
            long[] n = antecedentCount.get(b);
            if (n == null) {
                antecedentCount.put(b, new long[] {1});
            } else {
                n[0]++;
            }
        }
    }

    /** Whether B's own rate per host would put it in a random window with a chance below {@link #MAX_CHANCE}. */
    private static boolean rareEnough(Signature signature) {
        double minutes = Math.max(1, (signature.lastSeen().getEpochSecond() - signature.firstSeen().getEpochSecond())
                / 60.0);
        double perHostPerMinute = signature.occurrenceCount() / minutes / Math.max(1, signature.distinctHostCount());
        double chance = 1 - Math.exp(-WINDOW_MINUTES * perHostPerMinute);
        return signature.occurrenceCount() <= 1 || chance < MAX_CHANCE;
    }

    /** Counts {@code b} as a companion when it comes shortly after the host's last word recovery. */
    private void companions(HostRecent host, String b, Instant at, boolean failure, boolean recovery) {
        LastRecovery last = host.last;
        if (recovery && !failure) {
            if (last == null) {
                last = new LastRecovery();
                host.last = last;
            }
            last.signatureId = b;
            last.at = at;
            last.afterCount = 0;
            return;
        }
        if (last == null || failure || last.afterCount >= MAX_COMPANIONS || b.equals(last.signatureId)
                || at.isBefore(last.at) || at.getEpochSecond() - last.at.getEpochSecond() > COMPANION_SECONDS) {
            return;
        }
        for (int i = 0; i < last.afterCount; i++) {
            if (last.after[i].equals(b)) {
                return;
            }
        }
        last.after[last.afterCount++] = b;
        long[] n = followsRecovery.get(b);
        if (n == null) {
            followsRecovery.put(b, new long[] {1});
            return;
        }
        n[0]++;
        String a = failureOf.get(b);
        if (a != null && n[0] >= MIN_FOLLOWS) {
            failureOf.remove(b);
            recoveryOf.remove(a);
        }
    }

    private boolean isCompanion(String b) {
        long[] n = followsRecovery.get(b);
        return n != null && n[0] >= MIN_FOLLOWS;
    }

    private void follow(String a, String b) {
        if (recoveryOf.get(a) != null || failureOf.get(a) != null || failureOf.get(b) != null || isCompanion(b)) {
            return;
        }
        String key = a + '|' + b;
        long[] n = follows.get(key);
        if (n == null) {
            n = new long[] {0};
            follows.put(key, n);
        }
        n[0]++;
        long[] of = antecedentCount.get(a);
        if (n[0] >= MIN_FOLLOWS && of != null && n[0] >= MIN_SHARE * of[0]) {
            recoveryOf.put(a, b);
            failureOf.put(b, a);
        }
    }
}
