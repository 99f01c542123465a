package dev.fieldtest.core.spi;

import dev.fieldtest.core.config.Problems;
import java.util.Set;

/**
 * Builds targets of one or more {@code type}s. Found with {@link java.util.ServiceLoader}, so a module
 * adds a target type by listing its factory in {@code META-INF/services/dev.fieldtest.core.spi.TargetFactory}.
 */
public interface TargetFactory {
    /** The {@code type:} values this factory builds. */
    Set<String> types();

    /**
     * Validates {@code spec} and builds the target. Every problem is added to {@code problems} (with the
     * location of the offending value); returns null when there was any. Must not open connections or
     * load models eagerly when validation fails.
     */
    Target create(TargetSpec spec, Problems problems);

    /** As {@link #create(TargetSpec, Problems)}, expanding {@code ${NAME}} from {@code env}. */
    default Target create(TargetSpec spec, dev.fieldtest.core.config.Env env, Problems problems) {
        return create(spec, problems);
    }
}
