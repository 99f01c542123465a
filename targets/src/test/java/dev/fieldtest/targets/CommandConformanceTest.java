package dev.fieldtest.targets;

import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.Capability;
import dev.fieldtest.testkit.conformance.CommandScript;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command target passes the conformance kit against a scripted program. A process has no rate limits, statuses,
 * streams or sockets, and its tokens come from the tokenizer, so only answers, exit-status failures, timeouts,
 * interrupts and retries apply.
 */
class CommandConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new CommandScript();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        if (Boolean.TRUE.equals(s.remove("stream"))) throw new AssertionError("the command target was asked to stream; it cannot");
        Problems problems = new Problems();
        Target t = ProviderSpecs.factory("command").create(spec("command", s, Map.of(
                "id", "command-conformance", "command", List.of(server.baseUrl().split(" ")))), Specs.ENV, problems);
        problems.throwIfAny();
        return t;
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.SERVER_ERROR, Capability.TIMEOUT, Capability.INTERRUPT, Capability.RETRIES);
    }
}
