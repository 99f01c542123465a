package dev.fieldtest.testkit.conformance;

import java.util.Set;

/**
 * One conformance test: generated for a target only when it has every capability in {@code needs}.
 *
 * @param area grouping in the test report, such as {@code errors}
 * @param name the example it checks, read as a sentence in the test report
 */
record Case(String area, String name, Set<Capability> needs, Body body) {
    Case {
        needs = Set.copyOf(needs);
    }

    @FunctionalInterface
    interface Body {
        void run(Fixture fixture) throws Exception;
    }
}
