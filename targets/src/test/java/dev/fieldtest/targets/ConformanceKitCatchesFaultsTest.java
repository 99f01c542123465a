package dev.fieldtest.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.conformance.ScriptedServer;
import dev.fieldtest.testkit.conformance.TargetConformanceKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit can fail: the openai target with one planted fault fails exactly the kit tests that look at
 * what the fault breaks, and between them the faults fail every kit test at least once.
 */
class ConformanceKitCatchesFaultsTest {

    @Test
    void forgottenUsageFailsTheTwoUsageTests() throws Throwable {
        assertThat(failing(o -> with(o, null, 0, o.attempts(), o.ttftMs(), o.chunkMs(), o.error())))
                .containsExactlyInAnyOrderElementsOf(named("reports 12 input", "reports 5 input"));
    }

    @Test
    void oneAttemptTooManyFailsEveryTestThatCountsAttempts() throws Throwable {
        assertThat(failing(o -> with(o, o.usage(), o.costUsd(), o.attempts() + 1, o.ttftMs(), o.chunkMs(), o.error())))
                .containsExactlyInAnyOrderElementsOf(allBut("reports 12 input", "reports 5 input", "4 words streamed", "interrupted"));
    }

    @Test
    void lostStreamTimingFailsTheStreamingTest() throws Throwable {
        assertThat(failing(o -> with(o, o.usage(), o.costUsd(), o.attempts(), null, List.of(), o.error())))
                .containsExactlyInAnyOrderElementsOf(named("4 words streamed"));
    }

    @Test
    void everyErrorCalledServerErrorFailsEachOtherErrorClass() throws Throwable {
        assertThat(failing(o -> o.succeeded() ? o : with(o, o.usage(), o.costUsd(), o.attempts(), o.ttftMs(), o.chunkMs(), ErrorClass.SERVER_ERROR)))
                .containsExactlyInAnyOrderElementsOf(named("429 on every attempt", "(401)", "200 body that is not", "stream event that is not",
                        "stream cut after 2", "connection closed before", "silent for 10 s meets", "first chunk is 10 s away"));
    }

    @Test
    void aSwallowedInterruptFailsTheInterruptTest() throws Throwable {
        assertThat(failing(true, UnaryOperator.identity())).containsExactlyInAnyOrderElementsOf(named("interrupted"));
    }

    // ---- running the kit against a faulty target ----

    private static List<String> failing(UnaryOperator<Observation> fault) throws Throwable {
        return failing(false, fault);
    }

    /** Names of the kit tests that fail for the openai target with {@code fault} applied to every observation. */
    private static List<String> failing(boolean swallowInterrupt, UnaryOperator<Observation> fault) throws Throwable {
        TargetConformanceKit kit = new OpenAiConformanceTest() {
            @Override
            protected Target target(ScriptedServer server, Map<String, Object> settings) {
                return new Faulty(super.target(server, settings), swallowInterrupt, fault);
            }
        };
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, DynamicTest> t : tests(kit).entrySet()) {
            try {
                t.getValue().getExecutable().execute();
            } catch (AssertionError expected) {
                failed.add(t.getKey());
            }
        }
        return failed;
    }

    private static Map<String, DynamicTest> tests(TargetConformanceKit kit) {
        Map<String, DynamicTest> out = new LinkedHashMap<>();
        flatten(kit.conformance()).forEach(t -> out.put(t.getDisplayName(), t));
        return out;
    }

    private static Stream<DynamicTest> flatten(Stream<? extends DynamicNode> nodes) {
        return nodes.flatMap(n -> n instanceof DynamicContainer c ? flatten(c.getChildren()) : Stream.of((DynamicTest) n));
    }

    /** Names of the kit's tests containing any of the fragments; each fragment must name at least one. */
    private static List<String> named(String... fragments) {
        List<String> all = List.copyOf(tests(new OpenAiConformanceTest()).keySet());
        for (String f : fragments) assertThat(all).as("kit tests containing '%s'", f).anyMatch(n -> n.contains(f));
        return all.stream().filter(n -> Stream.of(fragments).anyMatch(n::contains)).toList();
    }

    private static List<String> allBut(String... fragments) {
        List<String> excluded = named(fragments);
        return tests(new OpenAiConformanceTest()).keySet().stream().filter(n -> !excluded.contains(n)).toList();
    }

    private static Observation with(Observation o, dev.fieldtest.core.Usage usage, double cost, int attempts, Double ttft,
                                    List<Double> chunks, ErrorClass error) {
        return new Observation(o.targetId(), o.caseId(), o.repeatIndex(), o.input(), o.output(), usage, o.latencyMs(), ttft, chunks,
                attempts, o.throttled(), error, o.errorMessage(), cost, o.finishReason(), o.responseModel());
    }

    /** A target with a planted fault: its observations rewritten, and optionally an interrupt turned into an answer. */
    private record Faulty(Target inner, boolean swallowInterrupt, UnaryOperator<Observation> fault) implements Target {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public Observation call(CallRequest request) throws InterruptedException {
            try {
                return fault.apply(inner.call(request));
            } catch (InterruptedException e) {
                if (!swallowInterrupt) throw e;
                return new Observation(id(), request.caseId(), 0, request.messages(), null, null, 0, null, null, 1, 0,
                        ErrorClass.CONNECTION, "interrupted", 0, null, null);
            }
        }

        @Override
        public Map<String, Object> describe() {
            return inner.describe();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
