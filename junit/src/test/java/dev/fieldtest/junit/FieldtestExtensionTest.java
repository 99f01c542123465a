package dev.fieldtest.junit;

import static dev.fieldtest.junit.FieldtestAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fieldtest.api.RunResult;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension end to end: test classes using {@code @FieldtestSuite} are run by the JUnit Platform inside this
 * test (EngineTestKit) against a fake OpenAI server whose URL reaches the suite as a system property. The server
 * answers France, Japan and Germany right and Italy wrong: 6 of 8 calls pass.
 */
class FieldtestExtensionTest {
    private static final String URL_PROPERTY = "FIELDTEST_JUNIT_STUB";
    private final FakeOpenAiServer server = FakeOpenAiServer.start();

    @BeforeEach
    void answerCapitals() {
        System.setProperty(URL_PROPERTY, server.baseUrl());
        server.respondWith(r -> {
            String q = r.lastUserMessage();
            return Behavior.reply(q.contains("France") ? "Paris" : q.contains("Italy") ? "Milan" : q.contains("Japan") ? "Tokyo" : "Berlin");
        });
    }

    @AfterEach
    void stop() {
        System.clearProperty(URL_PROPERTY);
        server.close();
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static List<String> failureMessages(Events events) {
        return events.failed().stream().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()).toList();
    }

    /** Two methods read one run of the class's suite. */
    @FieldtestSuite("classpath:suites/capitals.yaml")
    static class CapitalsGate {
        @Test
        void holdsThreeQuarters(RunResult result) {
            assertThat(result).passRateAtLeast(0.75).noSliceBelow(0.5);
        }

        @Test
        void holdsNinetyPercent(RunResult result) {
            assertThat(result).passRateAtLeast(0.9);
        }
    }

    @Test
    void aClassSuiteRunsOnceAndEachMethodAssertsOnIt() {
        Events events = run(CapitalsGate.class);

        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        // 4 cases × repeat 2 = 8 calls, once for both methods.
        assertThat(server.requestCount()).isEqualTo(8);
        assertThat(failureMessages(events)).singleElement().asString()
                .contains("a pass rate of at least 0.9000, but it was 0.7500 (6 of 8 passed)")
                .contains("- case it, target m, repeat 0: output \"Milan\" — icontains:")
                .contains("- case it, target m, repeat 1: output \"Milan\"")
                .doesNotContain("case fr");
    }

    /** A method's own suite, written under its own folder. */
    static class MethodSuite {
        @Test
        @FieldtestSuite(value = "src/test/resources/suites/capitals.yaml", outDir = "target/fieldtest-extension-test")
        void writesItsRunDirectory(RunResult result) {
            Path dir = result.directory().orElseThrow();
            if (!Files.isRegularFile(dir.resolve("summary.json")) || !Files.isRegularFile(dir.resolve("junit.xml"))) {
                throw new AssertionError("no summary.json or junit.xml in " + dir);
            }
            if (!dir.startsWith(Path.of("target/fieldtest-extension-test"))) throw new AssertionError("run written to " + dir);
        }
    }

    @Test
    void aMethodSuiteIsReadFromAPathAndWritesItsRunDirectory() {
        run(MethodSuite.class).assertStatistics(s -> s.started(1).succeeded(1));
    }

    static class MissingSuite {
        @Test
        @FieldtestSuite("classpath:suites/no-such-suite.yaml")
        void neverRuns(RunResult result) {
            throw new AssertionError("must not be reached");
        }
    }

    @Test
    void aMissingSuiteFailsTheTestAndSaysWhereToPutIt() {
        Events events = run(MissingSuite.class);
        events.assertStatistics(s -> s.failed(1));
        assertThat(failureMessages(events)).singleElement().asString()
                .contains("the suite must be on the test class path, but suites/no-such-suite.yaml is not")
                .contains("src/test/resources/suites/no-such-suite.yaml");
    }
}
