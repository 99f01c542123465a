package dev.fieldtest.targets;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.http.HttpSettings;
import dev.fieldtest.targets.http.HttpTarget;
import java.util.Objects;
import java.util.Set;

/** Builds {@code type: http} targets (any JSON service); settings on {@link HttpSettings}. Thread-safe. */
public final class HttpTargetFactory implements TargetFactory {
    private final Env env;

    /** For {@link java.util.ServiceLoader}: expands {@code ${NAME}} from the process environment. */
    public HttpTargetFactory() {
        this(Env.system());
    }

    public HttpTargetFactory(Env env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Set<String> types() {
        return Set.of("http");
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        return create(spec, env, problems);
    }

    @Override
    public Target create(TargetSpec spec, Env env, Problems problems) {
        HttpSettings settings = HttpSettings.read(spec, env, problems);
        return settings == null ? null : new HttpTarget(settings);
    }
}
