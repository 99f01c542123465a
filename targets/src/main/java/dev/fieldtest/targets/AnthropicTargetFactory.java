package dev.fieldtest.targets;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.anthropic.AnthropicSettings;
import dev.fieldtest.targets.anthropic.AnthropicTarget;
import java.util.Objects;
import java.util.Set;

/** Builds {@code type: anthropic} targets (the Messages API); settings on {@link AnthropicSettings}. Thread-safe. */
public final class AnthropicTargetFactory implements TargetFactory {
    private final Env env;

    /** For {@link java.util.ServiceLoader}: expands {@code ${NAME}} from the process environment. */
    public AnthropicTargetFactory() {
        this(Env.system());
    }

    public AnthropicTargetFactory(Env env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Set<String> types() {
        return Set.of("anthropic");
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        return create(spec, env, problems);
    }

    @Override
    public Target create(TargetSpec spec, Env env, Problems problems) {
        AnthropicSettings settings = AnthropicSettings.read(spec, env, problems);
        return settings == null ? null : new AnthropicTarget(settings);
    }
}
