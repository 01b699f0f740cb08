package io.brainstem.adapters.persistence.relational;

import io.brainstem.adapters.persistence.relational.InspectionRows.SourceStatusRow;
import io.brainstem.adapters.persistence.relational.InspectionRows.ValueCountRow;
import io.brainstem.application.port.in.InspectionQueries.SourceStatus;
import io.brainstem.application.port.in.InspectionQueries.ValueCount;
import io.brainstem.application.port.out.InspectionReadModel;
import io.brainstem.domain.envelope.EnvelopeStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What both stores' read models make of the same small query rows. */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /**
     * The live id an id stands for, followed by every id merged into it: all the ids its events may carry (ADR 16).
     */
    public static List<String> signatureFamily(String id, Function<String, String> survivorOf,
            Function<String, List<String>> aliasesOf) {
        String survivor = survivorOf.apply(id);
        String live = survivor == null ? id : survivor;
        List<String> family = new ArrayList<>();
        family.add(live);
        family.addAll(aliasesOf.apply(live));
        return family;
    }

    /** Counts by status; a value that names no status is left out. */
    public static Map<EnvelopeStatus, Long> statusCounts(List<ValueCountRow> rows) {
        Map<EnvelopeStatus, Long> counts = new EnumMap<>(EnvelopeStatus.class);
        for (ValueCountRow row : rows) {
            EnvelopeStatus.fromWireName(row.value()).ifPresent(s -> counts.put(s, row.count()));
        }
        return counts;
    }

    /** Per source dimension, in {@link InspectionReadModel#SOURCE_DIMENSIONS} order, what {@code counts} gives. */
    public static Map<String, List<ValueCount>> sourceSummaries(int limit,
            BiFunction<String, Integer, List<ValueCountRow>> counts) {
        Map<String, List<ValueCount>> out = new LinkedHashMap<>();
        for (String dimension : InspectionReadModel.SOURCE_DIMENSIONS) {
            out.put(dimension, counts.apply(dimension, limit).stream()
                    .map(r -> new ValueCount(r.value(), r.count())).toList());
        }
        return out;
    }

    public static List<SourceStatus> sourceStatus(List<SourceStatusRow> rows) {
        return rows.stream()
                .map(r -> new SourceStatus(r.tenantId(), r.sourceType(), r.sourceId(), r.sourcePath(), r.rawCount(),
                        r.canonicalizedCount(), r.parseFailedCount(), r.unsupportedCount(),
                        SqlTimes.fromMicros(r.lastReceivedAt())))
                .toList();
    }

    /** The words that hold at least one token (a letter or digit): the others could never match a full-text index. */
    public static List<String> searchable(List<String> words) {
        return words.stream().filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).toList();
    }

    /** One query of an incident search: all words required, or any one enough; {@code excluded} ids left out. */
    @FunctionalInterface
    public interface IncidentQuery {
        List<IncidentRow> rows(boolean allWords, List<String> excluded, int limit);
    }

    /**
     * The incidents holding every word first (best rank first), then those holding any of them and not already
     * found: the order both stores answer {@code /incidents/search} in.
     */
    public static List<IncidentRow> allWordsThenAny(int terms, int limit, IncidentQuery query) {
        List<IncidentRow> rows = new ArrayList<>(query.rows(true, List.of(), limit));
        if (terms > 1 && rows.size() < limit) {
            rows.addAll(query.rows(false, rows.stream().map(IncidentRow::id).toList(), limit - rows.size()));
        }
        return rows;
    }
}
