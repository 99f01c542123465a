package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.OpenAiTargetFactory;
import dev.fieldtest.testkit.FakeOpenAiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Judge test helpers: real openai judge targets against a fake server, and judge checks built from YAML. */
final class Judges {
    /** What the judges in these tests cost: USD per million input and output tokens. */
    static final double INPUT_PER_MTOK = 3, OUTPUT_PER_MTOK = 15;

    static final Case CAPITAL = new Case("capital-fr", Map.of("country", "France"), "Paris", List.of(),
            dev.fieldtest.core.config.Location.of(Path.of("cases.jsonl")));

    private Judges() {}

    /** An openai target named {@code id} asking {@code server} for {@code model}, without retries. */
    static Target target(FakeOpenAiServer server, String id, String model) {
        String yaml = "base_url: " + server.baseUrl() + "\nmodel: " + model + "\nmax_retries: 0\ntimeout: 10s\n"
                + "pricing: {input_per_mtok: " + INPUT_PER_MTOK + ", output_per_mtok: " + OUTPUT_PER_MTOK + "}\n";
        ConfigNode node = Suite.yaml(yaml);
        Problems problems = new Problems();
        Target t = new OpenAiTargetFactory(new Env(Map.of())).create(new TargetSpec(id, "openai", node, Path.of(".")), problems);
        problems.throwIfAny();
        return t;
    }

    static Check check(String yaml, Map<String, Target> judges) {
        Problems problems = new Problems();
        Check c = new JudgeChecks().create(Suite.spec(yaml, Path.of(".")), new BuildContext(problems, judges));
        problems.throwIfAny();
        assertThat(c).isNotNull();
        return c;
    }

    static List<String> problems(String yaml, Map<String, Target> judges) {
        Problems problems = new Problems();
        Check c = new JudgeChecks().create(Suite.spec(yaml, Path.of(".")), new BuildContext(problems, judges));
        if (!problems.isEmpty()) assertThat(c).as("a check with problems must not be built").isNull();
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    /** Asserts that {@code v} is unmeasured, not a pass, for {@code why} (shown on failure), with this detail. */
    static void assertUnmeasured(Verdict v, String why, String detail) {
        assertThat(v.measured()).as(why).isFalse();
        assertThat(v.pass()).as(why).isFalse();
        assertThat(v.detail()).as(why).isEqualTo(detail);
    }

    /** Runs the check on {@code output} as the answer to "What is the capital of France?". */
    static Verdict run(Check check, String output) {
        return run(check, output, 0);
    }

    static Verdict run(Check check, String output, int repeat) {
        Observation o = new Observation("answerer", CAPITAL.id(), repeat,
                List.of(new Message("system", "Answer briefly."), Message.user("What is the capital of France?")), output, null,
                5.0, null, List.of(), 1, 0, output == null ? dev.fieldtest.core.ErrorClass.TIMEOUT : null, output == null ? "timed out" : null,
                0.0, "stop", "answer-model");
        return check.check(new CheckInput(output, CAPITAL, o));
    }
}
