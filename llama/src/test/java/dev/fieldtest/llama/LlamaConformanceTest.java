package dev.fieldtest.llama;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.llama.internal.ChildCommand;
import dev.fieldtest.llama.internal.ScriptedChild;
import dev.fieldtest.testkit.conformance.Capability;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The llama-cpp target passes the conformance kit with {@link ScriptedChild} as its child JVM. It streams every
 * answer as token events and reports the child's token counts; a refused request is client_error, a line that is not
 * the protocol's JSON malformed_response, a child exiting connection. It makes one attempt per call (a local model
 * fails the same way twice), so it has no rate limits, server errors or retries, and it has no cut-stream class.
 */
class LlamaConformanceTest extends TargetConformanceKit {
    /** Suite keys the kit sets that are not llama-cpp settings: it always streams and never retries. */
    private static final Set<String> NOT_ITS_KEYS = Set.of("stream", "max_retries", "backoff", "backoff_max");

    @Override
    protected ScriptedServer startServer() {
        return new LlamaScriptedServer();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Map<String, Object> own = new LinkedHashMap<>(settings);
        own.keySet().removeAll(NOT_ITS_KEYS);
        Problems problems = new Problems();
        LlamaSettings s = LlamaSettings.read(spec(LlamaTargetFactory.TYPE, own, Map.of("id", "llama-conformance",
                "model_path", ((LlamaScriptedServer) server).model().toString())), Specs.ENV, problems);
        problems.throwIfAny();
        LlamaTarget t = new LlamaTarget(s, ChildCommand.of(ScriptedChild.class.getName(), List.of(server.baseUrl())));
        warmUp(t);
        return t;
    }

    /** Starts the child before the kit's call: a JVM's start would otherwise eat into the kit's timing bounds. */
    private static void warmUp(LlamaTarget t) {
        try {
            Observation o = t.call(new CallRequest("warm-up", 0, List.of(Message.user(ScriptedChild.WARM_UP))));
            if (o.error() != null) throw new IllegalStateException("the scripted child did not start: " + o.errorMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the scripted child", e);
        }
    }

    @Override
    protected boolean streamsAlways() {
        return true;
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.STREAMING, Capability.USAGE, Capability.CLIENT_ERROR, Capability.MALFORMED,
                Capability.CONNECTION_DROP, Capability.TIMEOUT, Capability.INTERRUPT);
    }
}
