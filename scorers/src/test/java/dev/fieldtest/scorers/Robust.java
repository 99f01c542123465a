package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.ErrorClass;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test helpers for {@link RobustnessChecks}: build one check from YAML as the loader would, and run it. */
final class Robust {
    private Robust() {}

    static Check check(String yaml) {
        return check(yaml, Path.of("."));
    }

    static Check check(String yaml, Path baseDir) {
        return check(yaml, baseDir, Map.of());
    }

    /** Builds the check in a suite that declares {@code judges} by id. */
    static Check check(String yaml, Map<String, Target> judges) {
        return check(yaml, Path.of("."), judges);
    }

    private static Check check(String yaml, Path baseDir, Map<String, Target> judges) {
        Problems problems = new Problems();
        Check check = new RobustnessChecks().create(Suite.spec(yaml, baseDir), new BuildContext(problems, judges));
        problems.throwIfAny();
        assertThat(check).isNotNull();
        return check;
    }

    static List<String> problems(String yaml) {
        return problems(yaml, Path.of("."));
    }

    static List<String> problems(String yaml, Path baseDir) {
        return problems(yaml, baseDir, Map.of());
    }

    static List<String> problems(String yaml, Map<String, Target> judges) {
        return problems(yaml, Path.of("."), judges);
    }

    private static List<String> problems(String yaml, Path baseDir, Map<String, Target> judges) {
        Problems problems = new Problems();
        Check check = new RobustnessChecks().create(Suite.spec(yaml, baseDir), new BuildContext(problems, judges));
        if (!problems.isEmpty()) assertThat(check).as("a check with problems must not be built").isNull();
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    /** A case with these variables that expects {@code expect} (null: states nothing). */
    static Case answering(Map<String, Object> vars, String expect) {
        return new Case("case-1", vars, null, List.of(), Location.of(Path.of("cases.jsonl")), expect);
    }

    /** Runs the check on {@code output}; null stands for a call that failed with a timeout. */
    static Verdict run(Check check, String output, Case c) {
        Observation o = new Observation("t", c.id(), 0, List.of(Message.user("q")), output, null, 1.0, null, List.of(), 1, 0,
                output == null ? ErrorClass.TIMEOUT : null, output == null ? "timed out" : null, 0, "stop", "m");
        return check.check(new CheckInput(output, c, o));
    }

    static Verdict run(Check check, String output) {
        return run(check, output, answering(Map.of(), null));
    }
}
