package io.brainstem.application.scenarios;

import io.brainstem.application.port.in.DatabaseRef;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestCommand;
import io.brainstem.application.port.in.IngestEventsUseCase.IngestResult;
import io.brainstem.application.port.in.InspectionQueries.CandidateFilter;
import io.brainstem.application.port.in.InspectionQueries.SignatureFilter;
import io.brainstem.application.port.in.InspectionQueries.Stats;
import io.brainstem.application.port.in.InterestingItem;
import io.brainstem.application.port.out.StorageCatalog;
import io.brainstem.application.service.IngestService;
import io.brainstem.application.service.InspectionService;
import io.brainstem.application.testing.InMemoryStorage;
import io.brainstem.application.testing.MovableClock;
import io.brainstem.domain.candidate.Candidate;
import io.brainstem.domain.candidate.CandidateType;
import io.brainstem.domain.candidate.DecisionBand;
import io.brainstem.domain.envelope.EnvelopeContent;
import io.brainstem.domain.envelope.TenantId;
import io.brainstem.domain.event.Canonicalizer;
import io.brainstem.domain.signature.MinerSettings;
import io.brainstem.domain.signature.Signature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Feeds a scenario through the real ingest and inspection services over {@link InMemoryStorage}: every line a
 * {@code source_type=syslog} envelope, in batches of one {@code batch} of scenario time (by default 1/2016 of the
 * scenario: 5 min for a week, 10 min for a fortnight), with a clock that follows
 * the scenario (received = the batch's last line + 200 ms). Then reads {@code /interesting} (limit 50) and every
 * candidate and reports, per planted pattern, what the detector made of it.
 */
public final class ScenarioRun {

    public static final TenantId TENANT = TenantId.of("scenario");
    public static final int INTERESTING_LIMIT = 50;
    public static final int THRESHOLD = 2;
    private static final Pattern RECOVERY_WORDS = Pattern.compile(
            "recover|came back|back within|self-heal|healed|restored|back up|came up", Pattern.CASE_INSENSITIVE);

    private ScenarioRun() {
    }

    /** What the run found, and the Markdown report. */
    public record Result(Scenario scenario, long envelopes, long canonicalized, long parseFailed, long unsupported,
            long signatures, List<Candidate> candidates, List<InterestingItem> interesting,
            Map<String, String> templates, List<PlantedOutcome> planted, List<RoutineOutcome> routine,
            Duration elapsed, String markdown) {
    }

    public record PlantedOutcome(Scenario.Planted pattern, long lines, List<Candidate> candidates, int bestRank,
            int inTopTen, Optional<Candidate> best, boolean recoveryMentioned, boolean meetsExpectation) {
    }

    public record RoutineOutcome(String name, long lines, List<Candidate> candidates, Optional<Candidate> highest) {
    }


    public static Result run(Scenario scenario) {
        long byLength = Math.max(1, scenario.length().toMinutes() / 2016); // 7 days: 5 min, 14 days: 10 min
        return run(scenario, Duration.ofMinutes(Long.getLong("scenario.batchMinutes", byLength)));
    }

    public static Result run(Scenario scenario, Duration batch) {
        long started = System.nanoTime();
        StorageCatalog catalog = InMemoryStorage.catalog();
        MovableClock clock = new MovableClock(scenario.start());
        IngestService ingest = new IngestService(catalog, new Canonicalizer(), MinerSettings.DEFAULTS, clock);
        InspectionService inspection = new InspectionService(catalog);
        Map<String, Object> metadata = Map.of("transport", "udp", "scenario", scenario.name());

        List<EnvelopeContent> pending = new ArrayList<>();
        Instant windowEnd = scenario.start().plus(batch);
        Instant last = scenario.start();
        for (Scenario.Line line : scenario.lines()) {
            while (!line.at().isBefore(windowEnd)) {
                flush(ingest, clock, pending, last);
                windowEnd = windowEnd.plus(batch);
            }
            pending.add(EnvelopeContent.builder(TENANT).sourceType("syslog").sourceId("scenario-" + scenario.name())
                    .messageRaw(line.raw()).metadata(metadata).build());
            last = line.at();
        }
        flush(ingest, clock, pending, last);

        DatabaseRef db = DatabaseRef.DEFAULT;
        Stats stats = inspection.stats(db);
        List<InterestingItem> interesting = inspection.interesting(db, Optional.of(TENANT.value()), INTERESTING_LIMIT);
        List<Candidate> candidates = inspection.candidates(db, CandidateFilter.NONE, Integer.MAX_VALUE);
        Map<String, String> templates = inspection.signatures(db, SignatureFilter.NONE, Integer.MAX_VALUE).stream()
                .collect(Collectors.toMap(s -> s.id().value(), Signature::template, (a, b) -> a, LinkedHashMap::new));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return report(scenario, stats, candidates, interesting, templates, elapsed);
    }

    private static void flush(IngestService ingest, MovableClock clock, List<EnvelopeContent> pending, Instant last) {
        if (pending.isEmpty()) {
            return;
        }
        clock.set(last.plusMillis(200));
        IngestResult ignored = ingest.ingest(new IngestCommand(DatabaseRef.DEFAULT, pending, THRESHOLD));
        pending.clear();
    }

    private static List<String> templatesOf(Candidate c, Map<String, String> templates) {
        return c.evidence().signatureIds().stream().map(id -> templates.getOrDefault(id, "")).toList();
    }

    private static Result report(Scenario scenario, Stats stats, List<Candidate> candidates,
            List<InterestingItem> interesting, Map<String, String> templates, Duration elapsed) {
        List<Candidate> ranked = interesting.stream().map(InterestingItem::candidate).toList();
        Comparator<Candidate> best = Comparator.comparingDouble(Candidate::scoreTotal).reversed();
        List<PlantedOutcome> planted = new ArrayList<>();
        for (Scenario.Planted p : scenario.planted()) {
            List<Candidate> mine = candidates.stream().filter(c -> p.matcher().matches(c, templatesOf(c, templates)))
                    .sorted(best).toList();
            int rank = -1;
            int top = 0;
            for (int i = 0; i < ranked.size(); i++) {
                if (mine.contains(ranked.get(i))) {
                    rank = rank < 0 ? i + 1 : rank;
                    top += i < 10 ? 1 : 0;
                }
            }
            List<Candidate> fitting = mine.stream().filter(c -> p.expectedTypes().isEmpty()
                    || p.expectedTypes().contains(c.type())).toList();
            Optional<Candidate> bestFit = fitting.stream().findFirst().or(() -> mine.stream().findFirst());
            boolean recovery = fitting.stream().anyMatch(c -> RECOVERY_WORDS.matcher(c.explanation()).find());
            boolean meets = fitting.stream().anyMatch(c -> c.decisionBand().compareTo(p.minBand()) >= 0)
                    && (!p.expectsRecovery() || recovery);
            planted.add(new PlantedOutcome(p, scenario.linesOf(p.name()), mine, rank, top, bestFit, recovery, meets));
        }
        List<RoutineOutcome> routine = new ArrayList<>();
        List<Candidate> attributed = new ArrayList<>();
        planted.forEach(o -> attributed.addAll(o.candidates()));
        for (Scenario.Routine r : scenario.routine()) {
            List<Candidate> mine = candidates.stream().filter(c -> !attributed.contains(c))
                    .filter(c -> r.matcher().matches(c, templatesOf(c, templates))).sorted(best).toList();
            routine.add(new RoutineOutcome(r.name(), scenario.linesOf(r.name()), mine, mine.stream().findFirst()));
        }
        routine.forEach(o -> attributed.addAll(o.candidates()));
        List<Candidate> unlabelled = candidates.stream().filter(c -> !attributed.contains(c)).sorted(best).toList();
        routine.add(new RoutineOutcome("(unattributed)", 0, unlabelled, unlabelled.stream().findFirst()));

        String markdown = markdown(scenario, stats, candidates, ranked, templates, planted, routine, elapsed);
        return new Result(scenario, stats.received(), stats.canonicalized(), stats.parseFailed(), stats.unsupported(),
                stats.signatures(), candidates, interesting, templates, planted, routine, elapsed, markdown);
    }

    private static String band(Candidate c) {
        return c.decisionBand().wireName();
    }

    private static String score(Candidate c) {
        return String.format(Locale.ROOT, "%.3f", c.scoreTotal());
    }

    private static String cell(String text) {
        String flat = text.replace('\n', ' ').replace("|", "\\|");
        return flat.length() > 140 ? flat.substring(0, 137) + "..." : flat;
    }

    private static String markdown(Scenario scenario, Stats stats, List<Candidate> candidates, List<Candidate> ranked,
            Map<String, String> templates, List<PlantedOutcome> planted, List<RoutineOutcome> routine,
            Duration elapsed) {
        StringBuilder md = new StringBuilder();
        md.append("# Scenario `").append(scenario.name()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "Seed %d, %s from %s, %d lines (sha256 %s…). Envelopes %d, canonicalized "
                        + "%d, parse_failed %d, unsupported %d; %d signatures, %d candidates; run %.1f s, threshold %d.%n%n",
                scenario.seed(), scenario.length(), scenario.start(), scenario.lines().size(),
                scenario.linesHash().substring(0, 12), stats.received(), stats.canonicalized(), stats.parseFailed(),
                stats.unsupported(), stats.signatures(), candidates.size(), elapsed.toMillis() / 1000.0, THRESHOLD));
        md.append("## Planted patterns\n\n");
        md.append("| pattern | lines | expected | best rank | top-10 items | candidates (type/band) | best score | "
                + "recovery said | meets | best title |\n");
        md.append("| --- | ---: | --- | ---: | ---: | --- | ---: | --- | --- | --- |\n");
        for (PlantedOutcome o : planted) {
            String expected = (o.pattern().expectedTypes().isEmpty() ? "any"
                    : o.pattern().expectedTypes().stream().map(CandidateType::wireName).sorted()
                            .collect(Collectors.joining("/"))) + " ≥ " + o.pattern().minBand().wireName();
            String found = o.candidates().isEmpty() ? "none" : o.candidates().stream()
                    .map(c -> c.type().wireName() + "/" + band(c)).collect(Collectors.joining(", "));
            md.append("| ").append(o.pattern().name()).append(" | ").append(o.lines()).append(" | ").append(expected)
                    .append(" | ").append(o.bestRank() < 0 ? "–" : String.valueOf(o.bestRank())).append(" | ")
                    .append(o.inTopTen()).append(" | ").append(cell(found)).append(" | ")
                    .append(o.best().map(ScenarioRun::score).orElse("–")).append(" | ")
                    .append(o.pattern().expectsRecovery() ? (o.recoveryMentioned() ? "yes" : "NO") : "n/a")
                    .append(" | ").append(o.meetsExpectation() ? "yes" : "NO").append(" | ")
                    .append(o.best().map(c -> cell(c.title())).orElse("–")).append(" |\n");
        }
        md.append("\n## Routine chatter (should stay ≤ watch)\n\n");
        md.append("| stream | lines | candidates | highest band | score | type | title |\n");
        md.append("| --- | ---: | ---: | --- | ---: | --- | --- |\n");
        for (RoutineOutcome o : routine) {
            md.append("| ").append(o.name()).append(" | ").append(o.lines()).append(" | ").append(o.candidates().size())
                    .append(" | ").append(o.highest().map(ScenarioRun::band).orElse("–")).append(" | ")
                    .append(o.highest().map(ScenarioRun::score).orElse("–")).append(" | ")
                    .append(o.highest().map(c -> c.type().wireName()).orElse("–")).append(" | ")
                    .append(o.highest().map(c -> cell(c.title())).orElse("–")).append(" |\n");
        }
        Optional<Candidate> worstRoutine = routine.stream().flatMap(o -> o.highest().stream()).max(
                Comparator.comparingDouble(Candidate::scoreTotal));
        md.append("\nHighest routine band: ").append(worstRoutine.map(c -> band(c) + " (" + score(c) + ", "
                + c.type().wireName() + ": " + cell(c.title()) + ")").orElse("none")).append("\n");
        md.append("\n## /interesting, top 10\n\n| # | type | band | score | belongs to | title |\n"
                + "| ---: | --- | --- | ---: | --- | --- |\n");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            Candidate c = ranked.get(i);
            md.append("| ").append(i + 1).append(" | ").append(c.type().wireName()).append(" | ").append(band(c))
                    .append(" | ").append(score(c)).append(" | ").append(owner(c, planted, routine)).append(" | ")
                    .append(cell(c.title())).append(" |\n");
        }
        md.append("\n## Explanations of the planted patterns' best candidates\n\n");
        for (PlantedOutcome o : planted) {
            md.append("- **").append(o.pattern().name()).append("** (").append(o.pattern().description()).append("): ")
                    .append(o.best().map(c -> c.type().wireName() + " — " + cell(c.explanation()) + " Templates: "
                            + templatesOf(c, templates).stream().map(t -> "`" + t + "`")
                                    .collect(Collectors.joining(", "))).orElse("no candidate"))
                    .append("\n");
        }
        return md.toString();
    }

    private static String owner(Candidate c, List<PlantedOutcome> planted, List<RoutineOutcome> routine) {
        List<String> names = new ArrayList<>();
        planted.stream().filter(o -> o.candidates().contains(c)).forEach(o -> names.add(o.pattern().name()));
        routine.stream().filter(o -> o.candidates().contains(c)).forEach(o -> names.add(o.name()));
        return names.isEmpty() ? "?" : String.join(", ", names);
    }

    /** Writes the report to {@code dir/NAME.md} and returns the path. */
    public static Path write(Result result, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(result.scenario().name() + ".md");
            Files.writeString(file, result.markdown());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
