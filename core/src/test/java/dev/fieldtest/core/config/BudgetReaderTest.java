package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.run.Budget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** budget: in the suite file: limits read as written, and every bad limit reported at its line and column. */
class BudgetReaderTest {
    @TempDir Path dir;

    private static final String SUITE = """
            prompt: "Hi {{x}}"
            cases: [{id: a, vars: {x: "1"}}]
            targets: [{id: m, type: openai, base_url: "http://localhost:1", model: m}]
            """;

    private Path suite(String budget) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), SUITE + budget);
    }

    @Test
    void bothLimitsAreReadAsWritten() throws Exception {
        Suite s = SuiteLoader.load(suite("budget: {max_usd: 2.5, max_calls: 300}\n"));
        assertThat(s.budget()).isEqualTo(new Budget(2.5, 300));
        assertThat(s.budget().limited()).isTrue();
    }

    @Test
    void noBudgetMeansNoLimit() throws Exception {
        Suite s = SuiteLoader.load(suite(""));
        assertThat(s.budget()).isEqualTo(Budget.NONE);
        assertThat(s.budget().limited()).isFalse();
        assertThat(s.withRepeat(3).budget()).isEqualTo(Budget.NONE);
    }

    @Test
    void oneLimitAloneLeavesTheOtherUnset() throws Exception {
        assertThat(SuiteLoader.load(suite("budget: {max_calls: 7}\n")).budget()).isEqualTo(new Budget(null, 7));
        assertThat(SuiteLoader.load(suite("budget: {max_usd: 1}\n")).withConcurrency(2).budget()).isEqualTo(new Budget(1.0, null));
    }

    @Test
    void zeroNegativeAndWrongTypesAreEachReportedAtTheirValue() throws Exception {
        Path file = suite("""
                budget:
                  max_usd: 0
                  max_calls: -3
                """);
        assertThatThrownBy(() -> SuiteLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":5:12: budget.max_usd must be a number of USD above 0, but was 0")
                .hasMessageContaining(file + ":6:14: budget.max_calls must be a whole number from 1 to 1000000000, but was -3");
        Path typed = suite("""
                budget:
                  max_usd: "ten dollars"
                  max_calls: 2.5
                  max_tokens: 5
                """);
        assertThatThrownBy(() -> SuiteLoader.load(typed)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(typed + ":5:12: budget.max_usd must be a number of USD above 0, but was \"ten dollars\"")
                .hasMessageContaining(typed + ":6:14: budget.max_calls must be a whole number from 1 to 1000000000, but was 2.5")
                .hasMessageContaining(typed + ":7:3: unknown key 'max_tokens' in budget");
    }

    @Test
    void aBudgetThatIsNotAMapOrIsEmptyIsAnError() throws Exception {
        Path scalar = suite("budget: 5\n");
        assertThatThrownBy(() -> SuiteLoader.load(scalar)).hasMessageContaining(scalar + ":4:9: budget must be a map of settings, but was 5");
        Path empty = suite("budget: {}\n");
        assertThatThrownBy(() -> SuiteLoader.load(empty)).hasMessageContaining(empty + ":4:9: budget is empty");
    }
}
