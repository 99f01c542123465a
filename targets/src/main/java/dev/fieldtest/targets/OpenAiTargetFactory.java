package dev.fieldtest.targets;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.openai.OpenAiSettings;
import dev.fieldtest.targets.openai.OpenAiTarget;
import java.util.Objects;
import java.util.Set;

/**
 * Builds {@code type: openai} targets: any server speaking the OpenAI Chat Completions protocol (OpenAI,
 * Azure-style proxies, vLLM, llama.cpp server, Ollama, LiteLLM, ...). Settings and their defaults are listed
 * on {@link OpenAiSettings}. {@code ${NAME}} in settings is expanded from the environment given at
 * construction ({@link Env#system()} when loaded by {@link java.util.ServiceLoader}). Thread-safe.
 */
public final class OpenAiTargetFactory implements TargetFactory {
    private final Env env;

    /** For {@link java.util.ServiceLoader}: expands from the process environment. */
    public OpenAiTargetFactory() {
        this(Env.system());
    }

    public OpenAiTargetFactory(Env env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Set<String> types() {
        return Set.of("openai");
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        return create(spec, env, problems);
    }

    /**
     * As {@link #create(TargetSpec, Problems)} with {@code env} instead of the factory's environment. Adds
     * every problem with its location and returns null when there is any; opens nothing until then.
     */
    @Override
    public Target create(TargetSpec spec, Env env, Problems problems) {
        OpenAiSettings settings = OpenAiSettings.read(spec, env, problems);
        return settings == null ? null : new OpenAiTarget(settings);
    }
}
