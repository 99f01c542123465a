package dev.fieldtest.scorers;

import static dev.fieldtest.scorers.Judges.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fieldtest.core.Usage;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.Behavior;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Panels of three fake judges (one server, told apart by model), and many calls at once. */
class JudgePanelTest {
    final FakeOpenAiServer server = FakeOpenAiServer.start();
    final Map<String, Target> judges = Map.of(
            "j1", Judges.target(server, "j1", "m1"), "j2", Judges.target(server, "j2", "m2"), "j3", Judges.target(server, "j3", "m3"));

    @AfterEach
    void stop() {
        judges.values().forEach(Target::close);
        server.close();
    }

    /** Fixed replies: m1 scores 5, m2 4, m3 {@code third}; 100 input and 10 output tokens each. */
    void replies(String third) {
        server.respondWith(r -> Behavior.reply(switch (r.model()) {
            case "m1" -> "{\"score\": 5, \"reason\": \"complete\"}";
            case "m2" -> "{\"score\": 4, \"reason\": \"good\"}";
            default -> third;
        }).withUsage(100, 10));
    }

    Check panel(String aggregate) {
        return Judges.check("type: judge\njudges: [j1, j2, j3]\naggregate: " + aggregate + "\nrubric: {criteria: 'names {{expected}}'}\n", judges);
    }

    @Test
    void theMeanOfThreeJudgesDecides() {
        replies("{\"score\": 1, \"reason\": \"wrong\"}");
        Verdict v = run(panel("mean"), "Paris");
        assertThat(v.findings()).containsExactly("judge:j1=1", "judge:j2=0.75", "judge:j3=0");
        assertThat(v.score()).isCloseTo(1.75 / 3, within(1e-12));
        assertThat(v.pass()).isFalse(); // 0.583 < 0.7
        assertThat(v.detail()).isEqualTo("score 0.58 < 0.70: j1 5 \"complete\"; j2 4 \"good\"; j3 1 \"wrong\"");
        assertThat(v.usage()).isEqualTo(new Usage(300, 30));
        assertThat(v.costUsd()).isCloseTo(3 * (100 * 3 / 1e6 + 10 * 15 / 1e6), within(1e-12));
    }

    @Test
    void aMajorityOfJudgesDecides() {
        replies("{\"score\": 1, \"reason\": \"wrong\"}");
        Verdict v = run(panel("majority"), "Paris");
        assertThat(v.pass()).isTrue(); // j1 and j2 reach 0.7, j3 does not
        assertThat(v.score()).isCloseTo(1.75 / 3, within(1e-12));
        assertThat(v.detail()).startsWith("2 of 3 judges scored at least 0.70 (mean 0.58)");
        server.respondWith(r -> Behavior.reply(r.model().equals("m1") ? "{\"score\": 5}" : "{\"score\": 2}"));
        assertThat(run(panel("majority"), "Paris").pass()).isFalse(); // 1 of 3
    }

    @Test
    void anUnmeasuredJudgeIsNamedAndLeftOutOfTheScore() {
        replies("I think it is fine.");
        Verdict v = run(panel("mean"), "Paris");
        assertThat(v.findings()).containsExactly("judge:j1=1", "judge:j2=0.75", "judge:j3=unmeasured");
        assertThat(v.score()).isEqualTo(0.875);
        assertThat(v.pass()).isTrue();
        assertThat(v.costUsd()).isCloseTo(3 * (100 * 3 / 1e6 + 10 * 15 / 1e6), within(1e-12)); // j3 still cost money

        server.respondWith(r -> Behavior.reply("no"));
        Verdict none = run(panel("majority"), "Paris");
        assertThat(none.measured()).isFalse();
        assertThat(none.pass()).isFalse();
        assertThat(none.findings()).containsExactly("judge:j1=unmeasured", "judge:j2=unmeasured", "judge:j3=unmeasured");
        assertThat(none.detail()).startsWith("no judge gave a usable score: j1 unmeasured");
    }

    @Test
    void manyCallsAtOnceEachGetTheirOwnGradeAndFence() throws Exception {
        Set<String> tokens = java.util.Collections.synchronizedSet(new HashSet<>());
        server.respondWith(r -> {
            Matcher m = JudgeCheckTest.FENCE.matcher(r.lastUserMessage());
            if (!m.find()) return Behavior.reply("no fence");
            tokens.add(m.group(1));
            return Behavior.reply("{\"score\": " + (m.group(2).startsWith("Paris") ? 5 : 1) + "}").withDelay(java.time.Duration.ofMillis(5));
        });
        Check check = Judges.check("type: judge\njudge: j1\nrubric: {criteria: names Paris}\n", judges);
        int calls = 120;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Verdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String output = (i % 2 == 0 ? "Paris " : "Lyon ") + i;
                verdicts.add(pool.submit(() -> run(check, output)));
            }
            for (int i = 0; i < calls; i++) {
                Verdict v = verdicts.get(i).get();
                assertThat(v.measured()).isTrue();
                assertThat(v.pass()).as("call %d", i).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokens).hasSize(calls);
        assertThat(server.maxConcurrent()).isGreaterThan(1);
    }
}
