package dev.fieldtest.core.spi;

import dev.fieldtest.core.config.ConfigNode;
import java.util.Set;

/**
 * Builds comparisons declared under the suite's {@code pairwise:} key. Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.fieldtest.core.spi.ComparisonFactory}).
 */
public interface ComparisonFactory {
    /** The {@code type:} values it builds (the default type of a {@code pairwise:} entry is {@code judge}). */
    Set<String> types();

    /** Validates one entry; problems go to {@code context.problems()}; returns null when there was any. */
    Comparison create(ConfigNode spec, java.util.Set<String> targetIds, BuildContext context);
}
