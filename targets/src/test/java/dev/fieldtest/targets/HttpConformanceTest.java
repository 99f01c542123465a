package dev.fieldtest.targets;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.Capability;
import dev.fieldtest.testkit.conformance.OpenAiScriptedServer;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The generic http target passes the conformance kit against a JSON service: the fake Chat Completions server,
 * reached through a body template and JSON Pointers. It does not stream, so the streaming tests are not generated.
 */
class HttpConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new OpenAiScriptedServer();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        if (Boolean.TRUE.equals(s.remove("stream"))) throw new AssertionError("the http target was asked to stream; it cannot");
        Problems problems = new Problems();
        Target t = ProviderSpecs.factory("http").create(spec("http", s, Map.of(
                "id", "http-conformance",
                "url", server.baseUrl() + "/chat/completions",
                "body", "{\"model\": \"gpt-test\", \"messages\": {{messages}}}",
                "output", "/choices/0/message/content",
                "usage", Map.of("input", "/usage/prompt_tokens", "output", "/usage/completion_tokens"))), Specs.ENV, problems);
        problems.throwIfAny();
        return t;
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.complementOf(EnumSet.of(Capability.STREAMING, Capability.TRUNCATED_STREAM));
    }
}
