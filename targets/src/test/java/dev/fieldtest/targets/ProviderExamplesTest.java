package dev.fieldtest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Suite;
import dev.fieldtest.core.Usage;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.config.SuiteLoader;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example suites of examples/providers load, and their targets build; the command one answers for real. */
class ProviderExamplesTest {
    private static final Path DIR = Path.of("..", "examples", "providers");
    private static final Env ENV = new Env(Map.of("ANTHROPIC_API_KEY", "sk-ant-example"));

    private static Target build(String file) {
        Suite suite = SuiteLoader.load(DIR.resolve(file));
        TargetSpec spec = suite.targets().get(0);
        Problems problems = new Problems();
        Target t = ProviderSpecs.factory(spec.type()).create(spec, ENV, problems);
        problems.throwIfAny();
        return t;
    }

    @Test
    void anthropicAndHttpExamplesBuild() {
        try (Target claude = build("anthropic.yaml"); Target http = build("http.yaml")) {
            assertThat(claude.describe()).containsEntry("type", "anthropic").containsEntry("max_tokens", 16);
            assertThat(http.describe()).containsEntry("type", "http").containsEntry("output", "/choices/0/message/content");
        }
    }

    @Test
    void theHttpExampleReadsAChatCompletionsAnswerAndItsUsageByPointer() throws Exception {
        try (var server = dev.fieldtest.testkit.FakeOpenAiServer.start()) {
            server.enqueue(dev.fieldtest.testkit.Behavior.reply("billing").withUsage(30, 1));
            Suite suite = SuiteLoader.load(DIR.resolve("http.yaml"));
            Problems problems = new Problems();
            Target t = ProviderSpecs.factory("http").create(suite.targets().get(0), new Env(Map.of("FIELDTEST_STUB_URL", server.baseUrl())), problems);
            problems.throwIfAny();
            try (t) {
                Observation o = t.call(new CallRequest("bill-01", 0, List.of(new Message("system", "s"), Message.user("charged twice"))));
                assertThat(o.output()).as(o.errorMessage()).isEqualTo("billing");
                assertThat(o.usage()).isEqualTo(new Usage(30, 1));
                assertThat(server.lastRequest().body().path("messages")).hasSize(2);
                assertThat(server.lastRequest().header("authorization")).isEqualTo("Bearer none");
            }
        }
    }

    @Test
    void theCommandExampleRoutesAMessage() throws Exception {
        try (Target script = build("command.yaml")) {
            Observation o = script.call(new CallRequest("bill-01", 0, List.of(Message.user("I was charged twice for my order last week."))));
            assertThat(o.output()).as(o.errorMessage()).isEqualTo("billing");
            assertThat(o.usage().source()).isEqualTo(Usage.Source.TOKENIZER);
        }
    }
}
