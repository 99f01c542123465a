package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.spi.Target;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mistakes in a judge check's settings, each at suite.yaml:line:column. */
class JudgeSettingsTest {
    final FakeOpenAiServer server = FakeOpenAiServer.start();
    final Target j1 = Judges.target(server, "j1", "judge-model");
    final Target j2 = Judges.target(server, "j2", "other-judge");

    @AfterEach
    void stop() {
        j1.close();
        j2.close();
        server.close();
    }

    java.util.List<String> problems(String yaml) {
        return Judges.problems(yaml, Map.of("j1", j1, "j2", j2));
    }

    @Test
    void anUnknownJudgeIdNamesTheKnownOnes() {
        assertThat(problems("type: judge\njudge: j9\nrubric: {criteria: x}\n")).containsExactly(
                "suite.yaml:2:8: checks[0].judge names no judge the suite declares: \"j9\". Fix: known judge ids: j1, j2");
        assertThat(problems("type: judge\njudges: [j1, gpt4, j1]\nrubric: {criteria: x}\n")).containsExactly(
                "suite.yaml:2:14: checks[0].judges[1] names no judge the suite declares: \"gpt4\". Fix: known judge ids: j1, j2",
                "suite.yaml:2:20: checks[0].judges[2] names judge \"j1\" twice, which would count its vote twice. Fix: list each judge once");
        assertThat(Judges.problems("type: judge\njudge: j1\nrubric: {criteria: x}\n", Map.of())).containsExactly(
                "suite.yaml:2:8: checks[0].judge names no judge the suite declares: \"j1\". Fix: declare the judge under judges: "
                        + "at the top of the suite (same shape as a target), then name its id here");
    }

    @Test
    void aJudgeIsRequiredOnceAndTheRubricNeedsCriteria() {
        assertThat(problems("type: judge\nrubric: {criteria: x}\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'judge' or 'judges'. Fix: known judge ids: j1, j2");
        assertThat(problems("type: judge\njudge: j1\njudges: [j2]\nrubric: {criteria: x}\n")).containsExactly(
                "suite.yaml:3:1: give one judge in judge or a panel in judges, not both. Fix: remove one of them");
        assertThat(problems("type: judge\njudge: j1\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'rubric'. Fix: add rubric: {criteria: \"what a good answer does\"}");
        assertThat(problems("type: judge\njudge: j1\nrubric: {steps: [a], critera: x}\n")).containsExactly(
                "suite.yaml:3:22: unknown key 'critera' in checks[0].rubric. Fix: did you mean 'criteria'?",
                "suite.yaml:3:9: checks[0].rubric needs 'criteria'. Fix: add criteria: with what a good answer does, such as \"states {{expected}}\"");
        assertThat(problems("type: judge\njudge: j1\nrubric: be strict\n")).containsExactly(
                "suite.yaml:3:9: checks[0].rubric must be a map with criteria, steps and scale, but was \"be strict\". "
                        + "Fix: write rubric: {criteria: \"what a good answer does\"}");
    }

    @Test
    void aBadScaleThresholdOrAggregateIsReportedAtItsValue() {
        assertThat(problems("type: judge\njudge: j1\nrubric:\n  criteria: x\n  scale: {min: 5, max: 1}\n")).containsExactly(
                "suite.yaml:5:10: checks[0].rubric.scale must have max above min, but was 5..1. Fix: use a scale such as {min: 1, max: 5}");
        assertThat(problems("type: judge\njudge: j1\nrubric:\n  criteria: x\n  scale: {min: low, top: 10}\n")).containsExactly(
                "suite.yaml:5:21: unknown key 'top' in checks[0].rubric.scale. Fix: allowed keys are max, min",
                "suite.yaml:5:16: checks[0].rubric.scale.min must be a number from -1000000000 to 1000000000, but was \"low\"");
        assertThat(problems("type: judge\njudge: j1\nthreshold: 1.5\naggregate: vote\nrubric: {criteria: x}\n")).containsExactly(
                "suite.yaml:3:12: checks[0].threshold must be a number from 0 to 1, but was 1.5",
                "suite.yaml:4:12: checks[0].aggregate must be mean or majority, but was \"vote\". Fix: use aggregate: mean or aggregate: majority");
        assertThat(problems("type: judge\njudge: j1\nrubric: {criteria: x}\nscale: {min: 0}\n")).containsExactly(
                "suite.yaml:4:1: unknown key 'scale' in checks[0]. Fix: allowed keys are aggregate, extract, judge, judges, name, rubric, threshold, type");
    }

    @Test
    void rubricTemplatesAreRegisteredForThePlaceholderCheck() {
        var problems = new dev.fieldtest.core.config.Problems();
        var context = new dev.fieldtest.core.spi.BuildContext(problems, Map.of("j1", j1));
        new JudgeChecks().create(Suite.spec("type: judge\njudge: j1\nrubric: {criteria: 'says {{expected}}', steps: ['check {{country}}']}\n",
                java.nio.file.Path.of(".")), context);
        assertThat(problems.list()).isEmpty();
        assertThat(context.templates()).extracting(t -> t.names()).containsExactly(java.util.Set.of("expected"), java.util.Set.of("country"));
    }
}
