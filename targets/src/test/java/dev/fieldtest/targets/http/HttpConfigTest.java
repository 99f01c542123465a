package dev.fieldtest.targets.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.targets.ProviderSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpConfigTest {
    @Test
    void reportsEveryProblemWithItsLineColumnAndFix() {
        List<ConfigProblem> problems = ProviderSpecs.problems("http", """
                url: ftp://example.com/x
                method: DELETE
                body: '{"input": "{{prompt}}"}'
                output: data/answer
                usage: {input: /u/in, outputs: /u/out}
                tokenizer: gpt5_base
                """);

        assertThat(problems).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:1:6: targets[0].url must be an http(s) URL, but was \"ftp://example.com/x\""))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:2:9: targets[0].method must be one of GET, POST, PUT, PATCH"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:7: targets[0].body is not JSON once filled in")
                        .endsWith("Fix: placeholders are JSON values: write {\"input\": {{prompt}}}, not \"{{prompt}}\" in quotes"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:4:9: targets[0].output must be a JSON Pointer (RFC 6901)"))
                .anySatisfy(p -> assertThat(p).contains("unknown key 'outputs'").contains("did you mean 'output'?"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:6:12: targets[0].tokenizer must name a tokenizer encoding, but was \"gpt5_base\"")
                        .contains("cl100k_base").contains("o200k_base"))
                .hasSize(6);
    }

    @Test
    void unknownPlaceholdersAndAMissingOutputAreReported() {
        assertThat(ProviderSpecs.problems("http", "url: http://localhost/x\nbody: '{\"q\": {{question}}}'\n"))
                .extracting(ConfigProblem::toString)
                .containsExactlyInAnyOrder(
                        "suite.yaml:2:7: targets[0].body uses {{question}}, which an http target does not fill. Fix: use {{prompt}}, {{system}} or {{messages}}",
                        "suite.yaml:1:1: targets[0] needs 'output'. Fix: write the JSON Pointer to the answer in the response, such as output: /choices/0/message/content");
    }

    @Test
    void aValidSpecHasNoProblems() {
        assertThat(ProviderSpecs.problems("http", "url: http://localhost/x\nbody: '{\"q\": {{prompt}}}'\noutput: /answer\n")).isEmpty();
    }
}
