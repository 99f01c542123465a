package dev.fieldtest.scorers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Observation;
import dev.fieldtest.core.Verdict;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Location;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckInput;
import dev.fieldtest.core.spi.CheckSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test helpers that do what the suite loader does for one check: parse its YAML (as the first entry of
 * {@code checks} in {@code suite.yaml}), hand it to {@link BuiltinChecks} and collect the problems.
 */
final class Suite {
    /** The case most tests answer: its expected answer is Paris. */
    static final Case PARIS = new Case("capital-fr", Map.of("country", "France", "city", "Paris"), "Paris",
            List.of(), Location.of(Path.of("cases.jsonl")));

    private Suite() {}

    static ConfigNode yaml(String text) {
        try {
            return ConfigNode.read(new YAMLFactory().createParser(text), Path.of("suite.yaml"), "checks[0]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems building this check reports, as {@code file:line:column: message. Fix: ...}. */
    static List<String> problems(String yaml) {
        return problems(yaml, Path.of("."));
    }

    static List<String> problems(String yaml, Path baseDir) {
        Problems problems = new Problems();
        Check check = new BuiltinChecks().create(spec(yaml, baseDir), new BuildContext(problems));
        if (!problems.isEmpty()) assertThat(check).as("a check with problems must not be built").isNull();
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }

    /** The check, failing the test when its settings have a problem. */
    static Check check(String yaml) {
        return check(yaml, Path.of("."));
    }

    static Check check(String yaml, Path baseDir) {
        Problems problems = new Problems();
        Check check = new BuiltinChecks().create(spec(yaml, baseDir), new BuildContext(problems));
        problems.throwIfAny();
        assertThat(check).isNotNull();
        return check;
    }

    static Verdict run(Check check, String output) {
        return run(check, output, PARIS);
    }

    static Verdict run(Check check, String output, Case answering) {
        return check.check(new CheckInput(output, answering, observation(answering, output)));
    }

    static CheckSpec spec(String yaml, Path baseDir) {
        ConfigNode node = yaml(yaml);
        String type = node.get("type").map(n -> (String) n.scalar()).orElseThrow();
        String name = node.get("name").map(n -> (String) n.scalar()).orElse(null);
        return new CheckSpec(type, name, node, baseDir);
    }

    private static Observation observation(Case answering, String output) {
        return new Observation("test-target", answering.id(), 0, List.of(Message.user("question")), output, null,
                12.0, null, List.of(), 1, 0, null, null, 0.0, "stop", "test-model");
    }
}
