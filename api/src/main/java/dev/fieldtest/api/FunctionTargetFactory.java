package dev.fieldtest.api;

import dev.fieldtest.core.config.ConfigNode;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import java.util.Set;

/**
 * Builds {@code type: function} targets: the Java function a {@link SuiteBuilder} registered. A suite file
 * cannot name one (a function lives in the JVM that built the suite), so the type is for built suites only.
 */
public final class FunctionTargetFactory implements TargetFactory {
    public static final String TYPE = "function";

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        Object handle = spec.settings().get(FunctionRegistry.HANDLE).map(ConfigNode::scalar).orElse(null);
        FunctionTarget f = handle instanceof String h ? FunctionRegistry.lookup(h) : null;
        if (f == null) {
            problems.add(spec.settings().location(), "target \"" + spec.id() + "\" has type function, but no Java function is registered for it",
                    "function targets are made in code: Fieldtest.suite(...).target(Targets.function(\"" + spec.id() + "\", prompt -> ...))");
            return null;
        }
        return new FunctionCallTarget(spec.id(), f.answer(), f.timeout());
    }
}
