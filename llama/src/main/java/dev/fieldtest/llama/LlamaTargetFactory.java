package dev.fieldtest.llama;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@code type: llama-cpp} targets: a local GGUF model run by llama.cpp (de.kherud:llama) in a child JVM.
 * Settings and their defaults are listed on {@link LlamaSettings}. Creating a target only validates: the model
 * file must exist and start with the GGUF magic bytes, but nothing is loaded until the first call.
 * {@code ${NAME}} in {@code model_path} is expanded from the environment given at construction
 * ({@link Env#system()} when loaded by {@link java.util.ServiceLoader}). Thread-safe.
 */
public final class LlamaTargetFactory implements TargetFactory {
    /** The {@code type:} this factory builds. */
    public static final String TYPE = "llama-cpp";
    private final Env env;

    /** For {@link java.util.ServiceLoader}: expands from the process environment. */
    public LlamaTargetFactory() {
        this(Env.system());
    }

    public LlamaTargetFactory(Env env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        return create(spec, env, problems);
    }

    /** As {@link #create(TargetSpec, Problems)} with {@code env} instead of the factory's environment. */
    @Override
    public Target create(TargetSpec spec, Env env, Problems problems) {
        LlamaSettings settings = LlamaSettings.read(spec, env, problems);
        return settings == null ? null : new LlamaTarget(settings);
    }
}
