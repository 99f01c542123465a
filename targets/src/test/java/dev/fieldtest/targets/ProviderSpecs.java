package dev.fieldtest.targets;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.ConfigProblem;
import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Builds any target type from suite YAML through the factories the ServiceLoader finds, as the loader does. */
public final class ProviderSpecs {
    private ProviderSpecs() {}

    public static TargetSpec spec(String type, String yaml) {
        try {
            ConfigNode node = ConfigNode.read(new YAMLFactory().createParser(yaml), Path.of("suite.yaml"), "targets[0]");
            String id = node.get("id").map(n -> String.valueOf(n.scalar())).orElse("t1");
            return new TargetSpec(id, type, node, Path.of("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Target target(String type, String yaml) {
        Problems problems = new Problems();
        Target t = factory(type).create(spec(type, yaml), Specs.ENV, problems);
        problems.throwIfAny();
        return t;
    }

    /** The problems building this spec reports (empty when it builds). */
    public static List<ConfigProblem> problems(String type, String yaml) {
        Problems problems = new Problems();
        Target t = factory(type).create(spec(type, yaml), Specs.ENV, problems);
        if (t != null && !problems.isEmpty()) throw new AssertionError("a target was built despite problems: " + problems.list());
        if (t != null) t.close();
        return problems.list();
    }

    static TargetFactory factory(String type) {
        for (TargetFactory f : ServiceLoader.load(TargetFactory.class)) if (f.types().contains(type)) return f;
        throw new AssertionError("no factory registered for type " + type);
    }

    public static Env env() {
        return Specs.ENV;
    }
}
