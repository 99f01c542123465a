package dev.fieldtest.targets;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.AnthropicScriptedServer;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.Map;

/** The anthropic target passes the whole conformance kit against the fake Messages API server. */
class AnthropicConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new AnthropicScriptedServer();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Problems problems = new Problems();
        Target t = new AnthropicTargetFactory(Specs.ENV).create(spec("anthropic", settings, Map.of(
                "id", "anthropic-conformance", "base_url", server.baseUrl(), "api_key", "${TEST_OPENAI_KEY}",
                "model", "claude-test")), problems);
        problems.throwIfAny();
        return t;
    }
}
