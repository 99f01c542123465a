package dev.fieldtest.targets.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.targets.ProviderSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicConfigTest {
    @Test
    void reportsEveryProblemWithItsLineColumnAndFix() {
        List<ConfigProblem> problems = ProviderSpecs.problems("anthropic", """
                id: broken
                max_tokens: 0
                params: {system: be terse, top_k: 5}
                pricing: {cache_reads_per_mtok: 1}
                base_url: ftp://example.com
                """);

        assertThat(problems).extracting(ConfigProblem::toString)
                .anySatisfy(p -> assertThat(p).isEqualTo("suite.yaml:1:1: targets[0] needs 'model'. Fix: set the model name, such as \"claude-sonnet-4-5\""))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:1:1: targets[0] has no api_key. Fix: write api_key: ${ANTHROPIC_API_KEY}"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:2:13: targets[0].max_tokens must be a whole number from 1"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:3:18: targets[0].params.system is set by fieldtest itself"))
                .anySatisfy(p -> assertThat(p).contains("unknown key 'cache_reads_per_mtok'").contains("did you mean 'cache_read_per_mtok'?"))
                .anySatisfy(p -> assertThat(p).startsWith("suite.yaml:5:11: targets[0].base_url must be an http(s) URL"))
                .hasSize(6);
    }

    @Test
    void aMinimalSpecUsesTheDocumentedDefaults() {
        AnthropicSettings s = AnthropicSettings.read(ProviderSpecs.spec("anthropic", "model: claude-x\napi_key: ${TEST_OPENAI_KEY}\n"),
                ProviderSpecs.env(), new dev.fieldtest.core.config.Problems());
        assertThat(s.endpoint().toString()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(s.maxTokens()).isEqualTo(1024);
        assertThat(s.version()).isEqualTo("2023-06-01");
        assertThat(s.describe().toString()).doesNotContain(s.apiKey());
    }
}
