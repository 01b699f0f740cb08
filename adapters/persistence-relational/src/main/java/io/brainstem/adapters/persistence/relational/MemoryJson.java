package io.brainstem.adapters.persistence.relational;

import io.brainstem.domain.candidate.Recollection;
import io.brainstem.domain.candidate.Recollection.IncidentMatch;
import io.brainstem.domain.memory.CandidateSnapshot;
import java.util.List;

/** The JSON shapes of operational memory's columns: a candidate's recollection and a candidate snapshot. */
public final class MemoryJson {

    private MemoryJson() {
    }

    /** The JSON shape of {@code candidates.recollection}; {@code '{}'} is {@link Recollection#NONE}. */
    public record RecollectionJson(double memory, List<MatchJson> incidents, String suppressedBy, String reason,
            String sentence) {
    }

    public record MatchJson(String incidentId, String title, String promotedAt, String why, double strength) {
    }

    /** The JSON shape of a {@link CandidateSnapshot} (incidents and reviews). */
    public record SnapshotJson(long eventCount, String firstSeen, String lastSeen, List<String> hosts, double severity,
            double scoreTotal) {
    }

    public static String recollection(Recollection r) {
        if (r.equals(Recollection.NONE)) {
            return "{}";
        }
        return JsonColumns.write(new RecollectionJson(r.memory(), r.incidents().stream()
                .map(m -> new MatchJson(m.incidentId(), m.title(), SqlTimes.format(m.promotedAt()), m.why(),
                        m.strength()))
                .toList(), r.suppressedBy(), r.reason(), r.sentence()));
    }

    public static Recollection recollection(String json) {
        if (json == null || json.equals("{}")) {
            return Recollection.NONE;
        }
        RecollectionJson r = JsonColumns.read(json, RecollectionJson.class);
        List<IncidentMatch> matches = r.incidents() == null ? List.of() : r.incidents().stream()
                .map(m -> new IncidentMatch(m.incidentId(), m.title(), SqlTimes.parse(m.promotedAt()), m.why(),
                        m.strength()))
                .toList();
        return new Recollection(r.memory(), matches, r.suppressedBy(), r.reason(), r.sentence());
    }

    public static String snapshot(CandidateSnapshot s) {
        return JsonColumns.write(new SnapshotJson(s.eventCount(), SqlTimes.format(s.firstSeen()),
                SqlTimes.format(s.lastSeen()), s.hosts(), s.severity(), s.scoreTotal()));
    }

    public static CandidateSnapshot snapshot(String json) {
        SnapshotJson s = JsonColumns.read(json, SnapshotJson.class);
        return new CandidateSnapshot(s.eventCount(), SqlTimes.parse(s.firstSeen()), SqlTimes.parse(s.lastSeen()),
                s.hosts() == null ? List.of() : s.hosts(), s.severity(), s.scoreTotal());
    }
}
