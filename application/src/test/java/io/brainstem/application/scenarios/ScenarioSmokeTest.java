package io.brainstem.application.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brainstem.domain.candidate.DecisionBand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden scenario through the real services. It checks the harness (the scenario is deterministic,
 * every planted pattern was emitted, every line became an event, the report was written) and the detector's
 * targets: every planted pattern reaches its type and band, and no routine stream rises above {@code watch} —
 * except the misses named in {@link #KNOWN_MISSES}, each with the reason, which must stay misses until fixed (a
 * fixed miss fails here, so that the list is kept true). The reports are printed by {@code bench/scenarios.sh}.
 */
class ScenarioSmokeTest {

    /** Planted patterns and routine streams that do not meet their target today, and why. */
    static final Map<String, String> KNOWN_MISSES = Map.ofEntries(
            // held out (ha-edge: written before tuning)
            Map.entry("routine-nginx-favicon", "a steady err background on four hosts: recurrence at review (0.455); "
                    + "only backgrounds up to warning are routine"));

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of(IssueWeekScenario.NAME, (LongFunction<Scenario>) IssueWeekScenario::build,
                        IssueWeekScenario.SEED),
                Arguments.of(FortnightScenario.NAME, (LongFunction<Scenario>) FortnightScenario::build,
                        FortnightScenario.SEED),
                Arguments.of(WindowsAndStorageScenario.NAME, (LongFunction<Scenario>) WindowsAndStorageScenario::build,
                        WindowsAndStorageScenario.SEED),
                Arguments.of(HaEdgeScenario.NAME, (LongFunction<Scenario>) HaEdgeScenario::build, HaEdgeScenario.SEED),
                Arguments.of(CampusNetworkScenario.NAME, (LongFunction<Scenario>) CampusNetworkScenario::build,
                        CampusNetworkScenario.SEED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioRunsThroughTheServicesAndIsReported(String name, LongFunction<Scenario> build, long seed)
            throws Exception {
        String only = System.getProperty("scenario.only");
        assumeTrue(only == null || only.isBlank() || only.equals(name), "scenario.only=" + only);
        Scenario scenario = build.apply(seed);

        assertEquals(scenario.linesHash(), build.apply(seed).linesHash(), "same seed, same lines");
        assertNotEquals(scenario.linesHash(), build.apply(seed + 1).linesHash(), "another seed, other lines");
        int size = scenario.lines().size();
        assertTrue(size >= 3_000 && size <= 60_000, name + " has " + size + " lines");
        for (int i = 1; i < size; i++) {
            assertTrue(!scenario.lines().get(i).at().isBefore(scenario.lines().get(i - 1).at()), "time-ordered");
        }
        for (Scenario.Planted p : scenario.planted()) {
            assertTrue(scenario.linesOf(p.name()) > 0, p.name() + " was emitted");
        }
        for (Scenario.Routine r : scenario.routine()) {
            assertTrue(scenario.linesOf(r.name()) > 0, r.name() + " was emitted");
        }
        assertTrue(scenario.lines().stream().allMatch(l -> l.raw().startsWith("<")), "every line has a PRI");

        ScenarioRun.Result result = ScenarioRun.run(scenario);

        assertEquals(size, result.envelopes(), "one envelope per line");
        assertEquals(size, result.canonicalized(), "every line parsed");
        assertEquals(0, result.parseFailed());
        assertEquals(scenario.planted().size(), result.planted().size());
        Path file = ScenarioRun.write(result, Path.of(System.getProperty("scenario.reportDir", "target/scenarios")));
        assertTrue(Files.readString(file).contains(scenario.planted().getFirst().name()));
        if (Boolean.getBoolean("scenario.report")) {
            System.out.println(result.markdown());
        }
        for (ScenarioRun.PlantedOutcome p : result.planted()) {
            String pattern = p.pattern().name();
            assertEquals(!KNOWN_MISSES.containsKey(pattern), p.meetsExpectation(), () -> pattern + " target: "
                    + KNOWN_MISSES.getOrDefault(pattern, "expected to meet") + "; best "
                    + p.best().map(c -> c.type().wireName() + "/" + c.decisionBand().wireName() + " "
                            + c.scoreTotal()).orElse("none"));
        }
        for (ScenarioRun.RoutineOutcome r : result.routine()) {
            if (r.name().startsWith("(")) {
                continue; // candidates no stream claims
            }
            boolean quiet = r.highest().map(c -> c.decisionBand().compareTo(DecisionBand.WATCH) <= 0).orElse(true);
            assertEquals(!KNOWN_MISSES.containsKey(r.name()), quiet, () -> r.name() + " routine: "
                    + KNOWN_MISSES.getOrDefault(r.name(), "expected at most watch") + "; highest "
                    + r.highest().map(c -> c.title() + " " + c.scoreTotal()).orElse("none"));
        }
    }
}
