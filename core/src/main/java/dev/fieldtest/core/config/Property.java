package dev.fieldtest.core.config;

import java.util.List;

/**
 * One behavioural property a suite promises, as declared under {@code properties:} (docs/suite.md): a
 * metric of summary.json that must stay within {@code [min, max]}, the person who owns it, and when it is
 * reviewed. At least one bound is set and {@code min ≤ max} when both are. Immutable.
 *
 * @param metric   a dotted path into summary.json; a {@code *} segment matches every key at its level
 * @param min      the smallest passing value (inclusive), or null
 * @param max      the largest passing value (inclusive), or null
 * @param review   review cadences, each one of {@link #REVIEWS}
 * @param location where the property stands in the suite file
 */
public record Property(String name, String metric, Double min, Double max, String owner, List<String> review, Location location) {
    /** The review cadences a property may name: four weeks, twelve weeks, every quarter. */
    public static final List<String> REVIEWS = List.of("week4", "week12", "quarterly");

    public Property {
        review = List.copyOf(review);
    }

    /** The metric path split at its dots (a key that holds dots is matched by several segments). */
    public List<String> segments() {
        return List.of(metric.split("\\.", -1));
    }
}
