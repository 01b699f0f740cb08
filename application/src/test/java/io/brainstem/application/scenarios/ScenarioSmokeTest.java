package io.brainstem.application.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden scenario through the real services and checks the harness, not the detector: the scenario
 * is deterministic, every planted pattern was emitted, every line became an event, the report was written.
 * The detector's targets are in each report ({@code bench/scenarios.sh}); they are not asserted here.
 */
class ScenarioSmokeTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of(IssueWeekScenario.NAME, (LongFunction<Scenario>) IssueWeekScenario::build,
                        IssueWeekScenario.SEED),
                Arguments.of(FortnightScenario.NAME, (LongFunction<Scenario>) FortnightScenario::build,
                        FortnightScenario.SEED),
                Arguments.of(WindowsAndStorageScenario.NAME, (LongFunction<Scenario>) WindowsAndStorageScenario::build,
                        WindowsAndStorageScenario.SEED));
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
    }
}
