package io.brainstem.adapters.persistence.relational;

import io.brainstem.application.port.in.MemoryQueries.CandidateSearch;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A candidate search over pages of SQL: the store applies tenant, types, bands, score, update time and
 * suppression; host and words are checked here, page by page, best first, so a search stops reading as soon as it
 * has its answer.
 */
public final class CandidatePages {

    /** Candidates read per page of a candidate search. */
    public static final int PAGE = 200;

    /** How many of a tenant's best candidates a candidate search reads at most. */
    public static final int SCAN = 100_000;

    /** One page of candidates matching what SQL can filter, best first. */
    @FunctionalInterface
    public interface PageQuery {
        List<CandidateRow> page(String tenantId, List<String> types, List<String> bands, Double minScore,
                String updatedSince, boolean includeSuppressed, int limit, int offset);
    }

    private CandidatePages() {
    }

    public static List<Candidate> search(CandidateSearch f, int limit, PageQuery query) {
        List<String> words = f.query().map(q -> List.of(q.toLowerCase(Locale.ROOT).strip().split("\\s+")))
                .orElse(List.of());
        List<String> types = f.types().isEmpty() ? null : f.types().stream().map(CandidateType::wireName).toList();
        List<String> bands = f.bands().isEmpty() ? null : f.bands().stream().map(DecisionBand::wireName).toList();
        String since = f.updatedSince().map(SqlTimes::format).orElse(null);
        int page = Math.max(PAGE, limit * 2);
        List<Candidate> out = new ArrayList<>();
        for (int offset = 0; offset < SCAN && out.size() < limit; offset += page) {
            List<CandidateRow> rows = query.page(f.tenantId().orElse(null), types, bands, f.minScore().orElse(null),
                    since, f.includeSuppressed(), page, offset);
            for (CandidateRow row : rows) {
                Candidate c = row.toDomain();
                // band and suppression are derived again from the stored parts, which a newer build may judge
                // differently than the stored columns say; type and update time are the columns themselves
                if ((f.bands().isEmpty() || f.bands().contains(c.decisionBand()))
                        && (f.host().isEmpty() || c.evidence().hosts().contains(f.host().get()))
                        && (f.includeSuppressed() || !c.suppressed())
                        && containsAll((c.title() + " " + c.explanation()).toLowerCase(Locale.ROOT), words)) {
                    out.add(c);
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            if (rows.size() < page) {
                break;
            }
        }
        return out;
    }

    private static boolean containsAll(String text, List<String> words) {
        for (String w : words) {
            if (!text.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
