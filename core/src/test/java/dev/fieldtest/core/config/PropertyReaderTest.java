package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fieldtest.core.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code properties:} as docs/suite.md describes it; positions below are counted by hand in the YAML text. */
class PropertyReaderTest {
    private static final String HEAD = """
            name: gates
            prompt: "{{id}}"
            cases: [{id: a}]
            targets: [{id: m, type: openai}, {id: gpt-4.1, type: openai}]
            """;
    @TempDir Path dir;

    private Path suite(String properties) throws IOException {
        return Files.writeString(dir.resolve("suite.yaml"), HEAD + properties);
    }

    @Test
    void readsBoundsOwnersAndTheDefaultReview() throws IOException {
        Suite s = SuiteLoader.load(suite("""
                properties:
                  - {name: accurate, metric: targets.*.pass_rate.value, min: 0.8, owner: Ana Lima}
                  - name: cheap on gpt-4.1
                    metric: targets.gpt-4.1.cost_usd.per_success
                    min: 0
                    max: 0.002
                    owner: Bo
                    review: week4
                """));
        assertThat(s.properties()).hasSize(2);
        Property accurate = s.properties().get(0);
        assertThat(accurate.min()).isEqualTo(0.8);
        assertThat(accurate.max()).isNull();
        assertThat(accurate.owner()).isEqualTo("Ana Lima");
        assertThat(accurate.review()).containsExactly("week12", "quarterly").isEqualTo(Defaults.PROPERTY_REVIEW);
        assertThat(accurate.location().line()).isEqualTo(6);
        Property cheap = s.properties().get(1);
        assertThat(cheap.segments()).containsExactly("targets", "gpt-4", "1", "cost_usd", "per_success");
        assertThat(cheap.min()).isZero();
        assertThat(cheap.max()).isEqualTo(0.002);
        assertThat(cheap.review()).containsExactly("week4");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPosition() throws IOException {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SuiteLoader.load(suite("""
                properties:
                  - name: accurate
                    metric: targets.*.pass_rate.value
                    min: 0.9
                    max: 0.5
                    owner: Ana
                  - name: fast
                    metric: tragets.*.latency_ms.p95
                    owner: Bo
                    review: [week4, weekly]
                    colour: red
                  - name: cheap
                    metric: targets.gpt-4.1.cost_usd.per_success
                    max: "1 cent"
                  - {name: nobody, metric: targets.n.calls, min: 1, owner: Cy}
                """)));
        String f = dir.resolve("suite.yaml").toString();
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                f + ":9:10: properties[0].max must be at least min (0.9), but was 0.5. Fix: swap min and max, or widen the range",
                f + ":15:5: unknown key 'colour' in properties[1]. Fix: allowed keys are max, metric, min, name, owner, review",
                f + ":12:13: properties[1].metric must start with one of completed_calls, comparisons, concurrency, planned_calls, provenance, "
                        + "repeat, schema_version, targets, wall_ms, but was \"tragets.*.latency_ms.p95\". Fix: did you mean 'targets'?",
                f + ":11:5: properties[1] must have min, max or both, but has neither. Fix: add `min: 0.8` (the value must be at least this)"
                        + " or `max: 2000` (at most this)",
                f + ":14:21: properties[1].review[1] must be week4, week12 or quarterly, but was \"weekly\". Fix: did you mean 'week4'?",
                f + ":16:5: properties[2] needs 'owner'. Fix: name the person who answers for this gate, such as `owner: Ana Lima`",
                f + ":18:10: properties[2].max must be a number, but was \"1 cent\". Fix: write a plain number such as `max: 0.8`"
                        + " (a rate is a share from 0 to 1, not a percentage)",
                f + ":19:28: properties[3].metric must name one of the suite's targets (m, gpt-4.1) or * after targets., but was"
                        + " \"targets.n.calls\". Fix: did you mean 'm'?");
    }

    @Test
    void pathShapesDuplicateNamesAndEmptyReviewsAreRefused() throws IOException {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SuiteLoader.load(suite("""
                properties:
                  - {name: a, metric: targets..calls, min: 1, owner: X}
                  - {name: b, metric: targets.*.lat*.p95, max: 1, owner: X}
                  - {name: c, metric: targets.m, max: 1, owner: X, review: []}
                  - {name: a, metric: wall_ms, max: 1, owner: X}
                """)));
        List<String> got = e.problems().stream().map(p -> p.location().line() + ":" + p.location().column() + " " + p.message()).toList();
        assertThat(got).containsExactlyInAnyOrder(
                "6:23 properties[0].metric must be a dotted path such as targets.*.pass_rate.value, but was \"targets..calls\"",
                "7:23 properties[1].metric must use * only as a whole part between dots, but was \"targets.*.lat*.p95\"",
                "8:23 properties[2].metric must name a key (or *) and a metric after targets, such as targets.*.pass_rate.value,"
                        + " but was \"targets.m\"",
                "8:60 properties[2].review must name at least one of week4, week12 or quarterly, but was empty",
                "9:12 property name \"a\" is used twice (first at " + dir.resolve("suite.yaml") + ":6:5)");
    }

    @Test
    void propertiesMustBeAList() throws IOException {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SuiteLoader.load(suite("properties: {name: a}\n")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(5);
            assertThat(p.location().column()).isEqualTo(13);
            assertThat(p.message()).isEqualTo("properties must be a list of {name, metric, min or max, owner, review}, but was a map");
        });
    }
}
