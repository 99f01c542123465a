package dev.fieldtest.embedded;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** What the suite loader does for one target: parse its YAML as targets[0] of suite.yaml and hand it to the factory. */
final class Specs {
    private Specs() {}

    static TargetSpec spec(String yaml, Path baseDir) {
        try {
            ConfigNode node = ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]");
            String id = node.get("id").map(n -> String.valueOf(n.scalar())).orElse("help");
            return new TargetSpec(id, "embedded-qa", node, baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target, failing the test when its settings have a problem. */
    static Target target(String yaml, Path baseDir) {
        Problems problems = new Problems();
        Target t = new EmbeddedQaTargetFactory().create(spec(yaml, baseDir), problems);
        problems.throwIfAny();
        return t;
    }

    /** The problems building this target reports, as {@code file:line:column: message. Fix: ...}. */
    static List<String> problems(String yaml, Path baseDir) {
        Problems problems = new Problems();
        Target t = new EmbeddedQaTargetFactory().create(spec(yaml, baseDir), problems);
        if (!problems.isEmpty() && t != null) throw new AssertionError("a target with problems must not be built");
        return problems.list().stream().map(ConfigProblem::toString).toList();
    }
}
