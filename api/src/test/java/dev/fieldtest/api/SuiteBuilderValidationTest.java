package dev.fieldtest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A built suite is checked like a suite file: every problem at once, each saying what it must be and what it was. */
class SuiteBuilderValidationTest {
    @Test
    void everyProblemIsReportedAtOnce() {
        var e = catchThrowableOfType(InvalidSuiteException.class, () -> Fieldtest.suite("broken")
                .prompt("Capital of {{country}}?")
                .addCase("a", Map.of("country", "France"))
                .repeat(0)
                .concurrency(-3)
                .target("m", "openai", Map.of("type", "other"))
                .build());

        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("repeat must be").contains("but was 0"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("concurrency must be").contains("but was -3"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("settings must not hold \"type\""));
        assertThat(e.getMessage()).startsWith("suite \"broken\" is not valid (3 problems):");
    }

    @Test
    void aSuiteWithoutCasesTargetsOrPromptSaysWhatIsMissing() {
        var e = catchThrowableOfType(InvalidSuiteException.class, () -> Fieldtest.suite("empty").build());
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("neither prompt nor messages"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("no targets"));
    }

    @Test
    void duplicateCaseIdsAndAnUnknownCheckTypeAreRefusedBeforeAnyCall() {
        var suite = Fieldtest.suite("dupes").prompt("{{q}}")
                .addCase("a", Map.of("q", "1")).addCase("a", Map.of("q", "2"))
                .target(Targets.function("fn", p -> p));
        var e = catchThrowableOfType(InvalidSuiteException.class, suite::build);
        assertThat(e.problems()).singleElement().asString().contains("case id \"a\" is used twice");

        var unknownCheck = Fieldtest.suite("typo").prompt("{{q}}").addCase("a", Map.of("q", "1"))
                .target(Targets.function("fn", p -> p)).check("icontians", Map.of("value", "x")).build();
        var run = catchThrowableOfType(InvalidSuiteException.class, () -> Fieldtest.run(unknownCheck));
        assertThat(run.problems()).singleElement().asString().contains("unknown check type \"icontians\"").contains("did you mean \"icontains\"?");
    }

    @Test
    void aPlaceholderNoCaseFillsIsRefusedWhenTheRunStarts() {
        var suite = Fieldtest.suite("holes").prompt("{{question}}").addCase("a", Map.of("q", "1"))
                .target(Targets.function("fn", p -> p)).build();
        var e = catchThrowableOfType(InvalidSuiteException.class, () -> Fieldtest.run(suite));
        assertThat(e.problems()).singleElement().asString().contains("case \"a\" has no variable \"question\"");
    }
}
