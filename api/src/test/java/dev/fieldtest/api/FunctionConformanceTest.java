package dev.fieldtest.api;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigReader;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.Capability;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.Step;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The in-process function target passes the conformance kit against a scripted Java function. One attempt per call
 * and the function's own cost (no price settings) leave out retries and usage; no protocol leaves out the rest.
 */
class FunctionConformanceTest extends TargetConformanceKit {

    @Override
    protected ScriptedServer startServer() {
        return new FunctionScript();
    }

    @Override
    protected Target target(ScriptedServer server, Map<String, Object> settings) {
        Problems problems = new Problems();
        Duration timeout = new ConfigReader(ConfigNode.of(settings, "targets[0]"), problems).positiveDuration("timeout", null);
        problems.throwIfAny();
        return new FunctionCallTarget("function-conformance", ((FunctionScript) server).function(), timeout);
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.SERVER_ERROR, Capability.MALFORMED, Capability.TIMEOUT, Capability.INTERRUPT);
    }

    /** A Java function doing what the next scripted step says: answer, throw, return null, or sleep. */
    private static final class FunctionScript implements ScriptedServer {
        private final Queue<Step> steps = new ConcurrentLinkedQueue<>();
        private final AtomicInteger calls = new AtomicInteger();

        Function<CallRequest, Answer> function() {
            return request -> {
                calls.incrementAndGet();
                Step step = steps.poll();
                return switch (step) {
                    case null -> Answer.of("echo: " + request.messages().get(request.messages().size() - 1).content());
                    case Step.Answer a -> Answer.of(a.text(), a.inputTokens(), a.outputTokens(), 0);
                    case Step.ServerError e -> throw new IllegalStateException("scripted failure (" + e.status() + ")");
                    case Step.Malformed m -> null;
                    case Step.Stall s -> {
                        try {
                            Thread.sleep(s.duration());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt(); // the target sees the interrupt and ends the call
                        }
                        yield Answer.of("late");
                    }
                    default -> throw new UnsupportedOperationException("a function cannot script " + step);
                };
            };
        }

        @Override
        public void script(Step... more) {
            steps.addAll(List.of(more));
        }

        @Override
        public int requestCount() {
            return calls.get();
        }

        @Override
        public String baseUrl() {
            return "in-process";
        }

        @Override
        public void close() {}
    }
}
