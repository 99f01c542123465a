package dev.fieldtest.targets;

import dev.fieldtest.core.config.Env;
import dev.fieldtest.core.config.Problems;
import dev.fieldtest.core.spi.Target;
import dev.fieldtest.core.spi.TargetFactory;
import dev.fieldtest.core.spi.TargetSpec;
import dev.fieldtest.targets.command.CommandSettings;
import dev.fieldtest.targets.command.CommandTarget;
import java.util.Objects;
import java.util.Set;

/** Builds {@code type: command} targets (a process per call); settings on {@link CommandSettings}. Thread-safe. */
public final class CommandTargetFactory implements TargetFactory {
    private final Env env;

    /** For {@link java.util.ServiceLoader}: expands {@code ${NAME}} from the process environment. */
    public CommandTargetFactory() {
        this(Env.system());
    }

    public CommandTargetFactory(Env env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    @Override
    public Set<String> types() {
        return Set.of("command");
    }

    @Override
    public Target create(TargetSpec spec, Problems problems) {
        return create(spec, env, problems);
    }

    @Override
    public Target create(TargetSpec spec, Env env, Problems problems) {
        CommandSettings settings = CommandSettings.read(spec, env, problems);
        return settings == null ? null : new CommandTarget(settings);
    }
}
