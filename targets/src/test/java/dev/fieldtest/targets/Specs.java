package dev.fieldtest.targets;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds targets from suite YAML the way the loader does. */
final class Specs {
    static final String API_KEY = "sk-test-0123456789abcdef";
    static final Env ENV = new Env(Map.of("TEST_OPENAI_KEY", API_KEY, "ORG", "org-secret-42"));

    private Specs() {}

    static TargetSpec spec(String yaml) {
        try {
            ConfigNode node = ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]");
            String id = node.get("id").map(n -> String.valueOf(n.scalar())).orElse("t1");
            return new TargetSpec(id, "openai", node, Path.of("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Target target(String yaml) {
        Problems problems = new Problems();
        Target t = new OpenAiTargetFactory(ENV).create(spec(yaml), problems);
        problems.throwIfAny();
        return t;
    }

    /** The problems building this spec reports (empty when it builds). */
    static List<ConfigProblem> problems(String yaml) {
        Problems problems = new Problems();
        Target t = new OpenAiTargetFactory(ENV).create(spec(yaml), problems);
        if (t != null && !problems.isEmpty()) throw new AssertionError("a target was built despite problems: " + problems.list());
        if (t != null) t.close();
        return problems.list();
    }

    static CallRequest ask(String question) {
        return new CallRequest("case-1", 0, List.of(new Message("system", "Answer briefly."), Message.user(question)));
    }
}
