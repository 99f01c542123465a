package dev.fieldtest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackChainsTest {
    @TempDir Path dir;

    private Path suite(String targets) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), "prompt: hi\ncases: [{id: a}]\ntargets:\n" + targets);
    }

    @Test
    void aFailingPrimaryHandsTheCallToItsFallbackWhichAnswersUnderThePrimarysId() throws Exception {
        Path s = suite("""
                  - {id: main, type: echo, fail: server_error, fallback: [spare]}
                  - {id: spare, type: echo}
                """);
        try (Components c = Components.resolve(SuiteLoader.load(s), new Env(Map.of()))) {
            Observation o = c.targets().get(0).call(new CallRequest("a", 0, List.of(new Message("user", "hi"))));
            assertThat(o.targetId()).isEqualTo("main");
            assertThat(o.output()).isEqualTo("hi");
            assertThat(o.fallback().answeredBy()).isEqualTo("spare");
            assertThat(o.fallback().hops()).isEqualTo(1);
            assertThat(o.fallback().failed()).singleElement().satisfies(h -> assertThat(h.target()).isEqualTo("main"));
            // echo bills 0.001 per call, failed or not: both hops are paid for
            assertThat(o.costUsd()).isEqualTo(0.002);
            assertThat(o.attempts()).isEqualTo(2);
            assertThat(c.targets().get(1).call(new CallRequest("a", 0, List.of(new Message("user", "x")))).fallback()).isNull();
        }
    }

    @Test
    void unknownIdsSelfReferenceDuplicatesAndNonListsAreLocatedProblems() throws IOException {
        Path s = suite("""
                  - {id: main, type: echo, fallback: [spar, main]}
                  - {id: spare, type: echo, fallback: [main, main]}
                  - {id: third, type: echo, fallback: spare}
                """);
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(s), new Env(Map.of())))
                .hasMessageContaining("s.yaml:4:39: fallback of target \"main\" names \"spar\", which is not a target of this suite. Fix: did you mean \"spare\"?")
                .hasMessageContaining("s.yaml:4:45: target \"main\" lists itself as its fallback")
                .hasMessageContaining("s.yaml:5:46: fallback of target \"spare\" lists \"main\" twice")
                .hasMessageContaining("s.yaml:6:39: fallback of target \"third\" must be a non-empty list of target ids");
    }

    @Test
    void aCycleIsReportedOnceAtItsFirstTarget() throws IOException {
        Path s = suite("""
                  - {id: a, type: echo, fallback: [b]}
                  - {id: b, type: echo, fallback: [c]}
                  - {id: c, type: echo, fallback: [a]}
                """);
        assertThatThrownBy(() -> Components.resolve(SuiteLoader.load(s), new Env(Map.of())))
                .hasMessageContaining("s.yaml:4:35: fallback chains form a cycle: a -> b -> c -> a")
                .satisfies(e -> assertThat(e.getMessage().split("form a cycle", -1)).hasSize(2));
    }
}
