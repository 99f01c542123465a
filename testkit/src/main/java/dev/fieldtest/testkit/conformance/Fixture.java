package dev.fieldtest.testkit.conformance;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh scripted server for one conformance test and the targets built against it; closing it closes all.
 * Targets get the {@link #BASE} settings with each test's overrides on top.
 */
final class Fixture implements AutoCloseable {
    /** Prices per million tokens every target is built with, so cost is checkable: 2.50 input, 10.00 output. */
    static final Map<String, Object> PRICING = Map.of("input_per_mtok", 2.5, "output_per_mtok", 10.0);
    /** No retries, a short backoff so retries cost no time, and a timeout no healthy test comes near. */
    static final Map<String, Object> BASE = Map.of("stream", false, "timeout", "10s", "max_retries", 0,
            "backoff", "1ms", "backoff_max", "5ms", "pricing", PRICING);
    static final CallRequest QUESTION = new CallRequest("conformance", 0,
            List.of(new Message("system", "Answer briefly."), Message.user("What is the capital of France?")));

    private final ScriptedServer server;
    private final TargetConformanceKit kit;
    private final List<Target> targets = new ArrayList<>();

    Fixture(TargetConformanceKit kit) {
        this.kit = kit;
        this.server = kit.startServer();
    }

    ScriptedServer server() {
        return server;
    }

    /** Whether the target times chunks of every answer, asked to stream or not ({@link TargetConformanceKit#streamsAlways}). */
    boolean streamsAlways() {
        return kit.streamsAlways();
    }

    /** The output the target gives for a scripted answer of {@code text} ({@link TargetConformanceKit#expectedOutput}). */
    String expected(String text) {
        return kit.expectedOutput(text);
    }

    /** Queues steps for the next requests. */
    Fixture script(Step... steps) {
        server.script(steps);
        return this;
    }

    /** A target with the base settings overridden by {@code overrides} (key, value, key, value, ...). */
    Target target(Object... overrides) {
        Map<String, Object> settings = new LinkedHashMap<>(BASE);
        for (int i = 0; i < overrides.length; i += 2) settings.put((String) overrides[i], overrides[i + 1]);
        Target t = kit.target(server, Map.copyOf(settings));
        if (t == null) throw new AssertionError(kit.getClass().getSimpleName() + ".target returned null for settings " + settings);
        targets.add(t);
        return t;
    }

    /** One call of {@link #QUESTION} to a target built with these overrides. */
    Observation call(Object... overrides) throws InterruptedException {
        return target(overrides).call(QUESTION);
    }

    @Override
    public void close() {
        targets.forEach(Target::close);
        server.close();
    }
}
