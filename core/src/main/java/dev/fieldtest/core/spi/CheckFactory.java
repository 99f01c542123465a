package dev.fieldtest.core.spi;

import java.util.Set;

/**
 * Builds checks of one or more {@code type}s. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.fieldtest.core.spi.CheckFactory}).
 */
public interface CheckFactory {
    /** The {@code type:} values this factory builds. */
    Set<String> types();

    /**
     * Validates {@code spec} and builds the check. Problems go to {@code context.problems()} with the
     * offending value's location; returns null when there was any. Templated values must be made with
     * {@link BuildContext#template}, so the loader can check every placeholder against every case.
     */
    Check create(CheckSpec spec, BuildContext context);
}
