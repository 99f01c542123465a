package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.GradesWithModel;
import dev.fieldtest.embedded.EmbeddingModel;
import dev.fieldtest.embedded.EmbeddingModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The similar check with the real models; expected similarities are cosines this test computes itself. */
class SimilarCheckTest {
    static final Case CAPITAL = new Case("capital", Map.of("answer", "Paris is the capital of France."), "Paris is the capital of France.",
            List.of(), Location.of(Path.of("cases.jsonl")));
    static EmbeddingModel e5;

    @BeforeAll
    static void load() {
        e5 = EmbeddingModels.load("e5-small-v2");
    }

    static Check check(String yaml) {
        Problems problems = new Problems();
        Check check = new EmbeddingChecks().create(Suite.spec(yaml, Path.of(".")), new BuildContext(problems));
        problems.throwIfAny();
        return check;
    }

    static List<String> problems(String yaml) {
        Problems problems = new Problems();
        Check check = new EmbeddingChecks().create(Suite.spec(yaml, Path.of(".")), new BuildContext(problems));
        if (!problems.isEmpty()) assertThat(check).isNull();
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    static Verdict run(Check check, String output) {
        Observation o = new Observation("t", CAPITAL.id(), 0, List.of(Message.user("q")), output, null, 1.0, null, List.of(), 1, 0,
                output == null ? dev.fieldtest.core.ErrorClass.TIMEOUT : null, output == null ? "timed out" : null, 0, "stop", "m");
        return check.check(new CheckInput(output, CAPITAL, o));
    }

    @Test
    void isFoundByServiceLoaderWithItsDefaults() {
        assertThat(ServiceLoader.load(CheckFactory.class).stream().map(ServiceLoader.Provider::type)).contains(EmbeddingChecks.class, BuiltinChecks.class);
        Check c = check("type: similar\nvalue: '{{expected}}'\n");
        assertThat(c.name()).isEqualTo("similar");
        assertThat(c).isInstanceOf(GradesWithModel.class);
        assertThat(((GradesWithModel) c).graderModel()).isEqualTo("e5-small-v2");
        assertThat(((GradesWithModel) c).allowsSameModel()).isFalse();
    }

    @Test
    void aParaphrasePasses() {
        assertThat(run(check("type: similar\nvalue: '{{expected}}'\n"), "The capital of France is Paris.").pass()).isTrue();
    }

    @Test
    void unrelatedTextFailsNamingTheSimilarityTheThresholdAndTheValue() {
        String output = "Quarterly revenue grew by eight percent.";
        double similarity = EmbeddingModels.cosine(e5.embed(output), e5.embed("Paris is the capital of France."));
        assertThat(similarity).isLessThan(0.8); // far below e5's default threshold, 0.9
        Verdict v = run(check("type: similar\nname: same meaning\nvalue: '{{answer}}'\n"), output);
        assertThat(v.pass()).isFalse();
        assertThat(v.check()).isEqualTo("same meaning");
        assertThat(v.detail()).isEqualTo("similarity " + String.format(Locale.ROOT, "%.2f", similarity)
                + " < 0.90 to \"Paris is the capital of France.\"");
    }

    @Test
    void theThresholdIsInclusiveAndPerCheck() {
        String output = "The capital of France is Paris.";
        double similarity = EmbeddingModels.cosine(e5.embed(output), e5.embed("Paris is the capital of France."));
        assertThat(run(check("type: similar\nvalue: '{{expected}}'\nthreshold: " + (similarity - 1e-6) + "\n"), output).pass()).isTrue();
        Verdict above = run(check("type: similar\nvalue: '{{expected}}'\nthreshold: " + Math.min(1, similarity + 0.001) + "\n"), output);
        assertThat(above.pass()).isFalse();
        // 2 decimals would print the same number twice, so the detail shows as many as it takes
        assertThat(above.detail()).matches("similarity 0\\.\\d{3,} < 0\\.\\d{3,} to .*");
    }

    @Test
    void miniLmCanBeChosenAndJudgesByItsOwnScale() {
        Check c = check("type: similar\nmodel: all-minilm-l6-v2\nthreshold: 0.5\nvalue: '{{expected}}'\n");
        assertThat(((GradesWithModel) c).graderModel()).isEqualTo("all-minilm-l6-v2");
        assertThat(run(c, "The capital of France is Paris.").pass()).isTrue();
        assertThat(run(c, "Bananas are rich in potassium.").pass()).isFalse();
    }

    @Test
    void longValuesAreQuotedShortened() {
        String value = "Paris is the capital of France, and it has been for a very long time, since the Middle Ages at least.";
        Verdict v = run(check("type: similar\nvalue: '" + value + "'\n"), "Bananas are rich in potassium.");
        assertThat(v.detail()).endsWith(" to \"" + value.substring(0, 80) + "…\"");
    }

    @Test
    void noOutputFails() {
        assertThat(run(check("type: similar\nvalue: '{{expected}}'\n"), null))
                .isEqualTo(Verdict.fail("similar", "no output to check (the call failed)"));
    }

    @Test
    void settingsProblemsAreReportedAtTheirValues() {
        assertThat(problems("type: similar\nvalue: x\nmodel: gpt-4o\nthreshold: 2\nallow_same_model: maybe\nthreshhold: 1\n")).containsExactlyInAnyOrder(
                "suite.yaml:6:1: unknown key 'threshhold' in checks[0]. Fix: did you mean 'threshold'?",
                "suite.yaml:3:8: checks[0].model must be one of all-minilm-l6-v2, e5-small-v2, but was \"gpt-4o\". "
                        + "Fix: use one of the embedding models shipped with fieldtest",
                "suite.yaml:4:12: checks[0].threshold must be a number from -1 to 1, but was 2",
                "suite.yaml:5:19: checks[0].allow_same_model must be true or false, but was \"maybe\"");
        assertThat(problems("type: similar\n")).containsExactly(
                "suite.yaml:1:1: checks[0] needs 'value'. Fix: add value: with the text the output should mean, such as \"{{expected}}\"");
        assertThat(problems("type: similar\nvalue: '  '\n")).containsExactly(
                "suite.yaml:2:8: value is blank, and nothing is similar to nothing. Fix: write the text the output should be similar to");
    }
}
