package dev.fieldtest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiTargetConfigTest {
    @Test
    void reportsEveryProblemWithItsLineAndColumn() {
        List<ConfigProblem> problems = Specs.problems("""
                id: broken
                base_url: http://localhost:8000/v1
                modle: gpt-4o-mini
                timeout: fast
                api_key: ${NOT_SET_ANYWHERE}
                """);

        assertThat(problems).extracting(ConfigProblem::toString).hasSize(4).contains(
                "suite.yaml:4:10: targets[0].timeout must be a duration such as 30s, 500ms or 2m, but was \"fast\"",
                "suite.yaml:5:10: targets[0].api_key uses ${NOT_SET_ANYWHERE}, which is not set in the environment. "
                        + "Fix: export NOT_SET_ANYWHERE=... before running, or write the value in the suite",
                "suite.yaml:1:1: targets[0] needs 'model'. Fix: set the model name the server expects, such as \"gpt-4o-mini\"");
        // the unknown key is reported on its line; whether at the key or its value is core's choice
        assertThat(problems).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:").endsWith("unknown key 'modle' in targets[0]. Fix: did you mean 'model'?"));
    }

    @Test
    void rejectsBadValuesOfTheOtherSettings() {
        List<ConfigProblem> problems = Specs.problems("""
                base_url: ftp://example.com
                model: m
                params: {stream: true, temperature: 0}
                retry_on: [throttled, overloaded]
                max_retries: -1
                pricing: {input_per_mtoks: 1}
                headers: {Host: example.com}
                timeout: 0s
                """);

        assertThat(problems).extracting(ConfigProblem::toString).anySatisfy(p -> assertThat(p).startsWith("suite.yaml:1:11: targets[0].base_url must be an http(s) URL"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:18: targets[0].params.stream is set by fieldtest itself"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:4:23: targets[0].retry_on[1] must name an error class")
                        .contains("throttled, server_error"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:5:14: targets[0].max_retries must be a whole number from 0"))
                .anySatisfy(p -> assertThat(p).contains("unknown key 'input_per_mtoks'").contains("did you mean 'input_per_mtok'?"))
                .anySatisfy(p -> assertThat(p).contains("header 'Host' cannot be set"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:8:10: targets[0].timeout must be longer than 0"))
                .hasSize(7);
    }

    @Test
    void baseUrlIsRequiredAndExpandedFromTheEnvironment() {
        assertThat(Specs.problems("model: m\n")).extracting(ConfigProblem::message).containsExactly("targets[0] needs 'base_url'");
        assertThat(Specs.problems("model: m\nbase_url: ${NO_SUCH_URL:-http://localhost:1234/v1}\n")).isEmpty();
    }

    @Test
    void aValidMinimalSpecHasNoProblems() {
        assertThat(Specs.problems("base_url: https://api.openai.com/v1\nmodel: gpt-4o-mini\n")).isEmpty();
    }
}
