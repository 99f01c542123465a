package dev.fieldtest.core.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.Suite;
import dev.fieldtest.core.config.ConfigException;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Defaults;
import dev.fieldtest.core.config.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's online: section: values, defaults, and every problem at its file:line:column. */
class OnlineSettingsReaderTest {
    private static final String HEAD = """
            name: s
            prompt: "{{q}}"
            cases: [{id: c1, vars: {q: hi}, expected: hello}]
            targets: [{id: a, type: openai}]
            checks:
              - {type: contains, value: "{{expected}}"}
              - {type: regex, name: polite, pattern: "(?i)thanks"}
              - {type: json-valid}
            """;

    @TempDir Path dir;

    private Path suite(String online) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), HEAD + online);
    }

    @Test
    void readsRatesPerFeatureBudgetAndChecks() throws Exception {
        Suite s = SuiteLoader.load(suite("""
                online:
                  rate: 0.05
                  features: {checkout: 0.5, search: 0}
                  budget_usd: 2.5
                  checks: [polite]
                """));
        OnlineSettings o = s.online();
        assertThat(o.rateFor("checkout")).isEqualTo(0.5);
        assertThat(o.rateFor("search")).isEqualTo(0.0);
        assertThat(o.rateFor("anything-else")).isEqualTo(0.05);
        assertThat(o.budgetUsd()).isEqualTo(2.5);
        assertThat(o.checks()).containsExactly("polite");
    }

    @Test
    void withoutTheSectionTheDefaultsApply() throws Exception {
        OnlineSettings o = SuiteLoader.load(suite("")).online();
        assertThat(o.rateFor("x")).isEqualTo(Defaults.ONLINE_RATE).isEqualTo(0.01);
        assertThat(o.budgetUsd()).isEqualTo(Defaults.ONLINE_BUDGET_USD).isEqualTo(1.0);
        assertThat(o.checks()).isNull();
        assertThat(o.featureRates()).isEqualTo(Map.of());
    }

    @Test
    void everyProblemIsReportedAtItsLineAndColumn() throws Exception {
        Path file = suite("""
                online:
                  rate: 1.5
                  features: {checkout: -0.1}
                  budget_usd: cheap
                  checks: [polit, "contains", {a: 1}]
                  sample: 3
                """);
        assertThatThrownBy(() -> SuiteLoader.load(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            List<String> where = e.problems().stream().map(p -> p.location().line() + ":" + p.location().column()).toList();
            List<String> what = e.problems().stream().map(ConfigProblem::message).toList();
            // HEAD has 8 lines, so online: is line 9
            assertThat(where).containsExactlyInAnyOrder("10:9", "11:24", "12:15", "13:12", "13:19", "13:31", "14:3");
            assertThat(what).anyMatch(m -> m.contains("online.rate must be a number from 0 to 1, but was 1.5"));
            assertThat(what).anyMatch(m -> m.contains("online.features.checkout must be a number from 0 to 1"));
            assertThat(what).anyMatch(m -> m.contains("online.budget_usd must be a number"));
            assertThat(what).anyMatch(m -> m.contains("names \"polit\", which is not a check of this suite"));
            assertThat(what).anyMatch(m -> m.contains("check \"contains\" uses {{expected}} from a case"));
            assertThat(what).anyMatch(m -> m.contains("must be a check name"));
            assertThat(what).anyMatch(m -> m.contains("unknown key 'sample' in online"));
            assertThat(e.problems()).filteredOn(p -> p.message().contains("polit\"")).singleElement()
                    .satisfies(p -> assertThat(p.fix()).contains("did you mean \"polite\"?"));
            assertThat(e.getMessage()).contains("suite.yaml:10:9");
        });
    }

    @Test
    void onlineMustBeAMap() throws Exception {
        Path file = suite("online: 0.1\n");
        assertThatThrownBy(() -> SuiteLoader.load(file)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(9);
                    assertThat(p.message()).contains("online must be a map");
                }));
    }
}
