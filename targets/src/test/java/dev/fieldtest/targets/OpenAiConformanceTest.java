package dev.fieldtest.targets;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.OpenAiScriptedServer;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.Map;

/** The openai target passes the whole conformance kit (every capability) against the fake Chat Completions server. */
class OpenAiConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new OpenAiScriptedServer();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Problems problems = new Problems();
        Target t = new OpenAiTargetFactory(Specs.ENV).create(spec("openai", settings, Map.of(
                "id", "openai-conformance", "base_url", server.baseUrl(), "api_key", "${TEST_OPENAI_KEY}", "model", "gpt-test")), problems);
        problems.throwIfAny();
        return t;
    }
}
