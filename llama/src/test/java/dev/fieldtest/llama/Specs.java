package dev.fieldtest.llama;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.CallRequest;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds llama-cpp targets from suite YAML the way the loader does. */
final class Specs {
    static final Env ENV = new Env(Map.of("MODELS", "models"));

    private Specs() {}

    static TargetSpec spec(String yaml, Path baseDir) {
        try {
            ConfigNode node = ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]");
            String id = node.get("id").map(n -> String.valueOf(n.scalar())).orElse("t1");
            return new TargetSpec(id, LlamaTargetFactory.TYPE, node, baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LlamaTarget target(String yaml, Path baseDir) {
        Problems problems = new Problems();
        LlamaTarget t = (LlamaTarget) new LlamaTargetFactory(ENV).create(spec(yaml, baseDir), problems);
        problems.throwIfAny();
        return t;
    }

    /** A target for the test model with these extra settings (YAML lines). */
    static LlamaTarget stories(String... settings) {
        Path model = TestModel.require();
        return target("model_path: " + model.getFileName() + "\n" + String.join("\n", settings) + "\n", model.getParent());
    }

    /** The problems building this spec reports (empty when it builds). */
    static List<ConfigProblem> problems(String yaml, Path baseDir) {
        Problems problems = new Problems();
        var t = new LlamaTargetFactory(ENV).create(spec(yaml, baseDir), problems);
        if (t != null && !problems.isEmpty()) throw new AssertionError("a target was built despite problems: " + problems.list());
        if (t != null) t.close();
        return problems.list();
    }

    static CallRequest ask(String prompt) {
        return new CallRequest("case-1", 0, List.of(Message.user(prompt)));
    }
}
