package dev.fieldtest.testkit.conformance;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance tests every target passes (docs/conformance.md): answers and usage, streaming and time to first
 * token, each error class, timeouts, interrupts and retries, against a local server speaking the provider's exact
 * wire protocol. A target's test subclasses it, says how to start that server ({@link #startServer}) and how to
 * build the target pointed at it ({@link #target}), and lists what the target can do ({@link #capabilities}). Only
 * the tests whose capabilities it has are generated, so the test report lists exactly what ran; nothing is skipped.
 * Each test gets a fresh server and fresh targets.
 */
public abstract class TargetConformanceKit {

    /** Starts a new server speaking the target's provider protocol; the kit closes it after the test. */
    protected abstract ScriptedServer startServer();

    /**
     * Builds the target pointed at {@code server} with these settings, named as in a suite: {@code stream} (boolean),
     * {@code timeout}, {@code backoff}, {@code backoff_max} (durations such as {@code "400ms"}), {@code max_retries}
     * (int) and {@code pricing} ({@code input_per_mtok}, {@code output_per_mtok}). The kit closes it after the test.
     */
    protected abstract Target target(ScriptedServer server, Map<String, Object> settings);

    /** What the target can do; every capability unless overridden. */
    protected Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /**
     * Whether the target streams every answer (a local model's token events) and so times chunks and a TTFT even
     * without {@code stream: true}; the plain-answer test then expects those instead of none. False unless overridden.
     */
    protected boolean streamsAlways() {
        return false;
    }

    /**
     * The output the target gives for a scripted answer of {@code text}: {@code text} itself unless overridden, as by
     * a target that adds its own fixed annotation (embedded-qa names its source and confidence).
     */
    protected String expectedOutput(String text) {
        return text;
    }

    /** A target spec the way a suite would declare it: {@code settings} plus {@code more} (id, base URL, model...). */
    protected static TargetSpec spec(String type, Map<String, Object> settings, Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(more);
        all.putAll(settings);
        all.put("type", type);
        String id = String.valueOf(all.getOrDefault("id", "conformance"));
        all.put("id", id);
        return new TargetSpec(id, type, ConfigNode.of(all, "targets[0]"), Path.of("."));
    }

    /** Every case of the kit, whether or not this target has its capabilities. */
    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        all.addAll(AnswerCases.cases());
        all.addAll(ErrorCases.cases());
        all.addAll(RetryCases.cases());
        all.addAll(TimeoutCases.cases());
        return all;
    }

    /** The cases this target's capabilities call for, grouped by area in the report; public so a test can run them itself. */
    @TestFactory
    public Stream<DynamicNode> conformance() {
        Set<Capability> has = capabilities();
        Map<String, List<DynamicNode>> byArea = new LinkedHashMap<>();
        for (Case c : allCases()) {
            if (!has.containsAll(c.needs())) continue;
            byArea.computeIfAbsent(c.area(), a -> new ArrayList<>()).add(DynamicTest.dynamicTest(c.name(), () -> run(c)));
        }
        return byArea.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(), e.getValue()));
    }

    private void run(Case c) throws Exception {
        try (Fixture f = new Fixture(this)) {
            c.body().run(f);
        }
    }
}
