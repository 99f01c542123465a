package dev.fieldtest.core.spi;

import dev.fieldtest.core.Case;
import dev.fieldtest.core.Message;
import dev.fieldtest.core.Preference;
import java.util.List;

/**
 * A pairwise comparison of two targets, run after the calls: for every case and repeat both targets
 * answered, it says which answer is better. Must be thread-safe; never throws for an unusable judge reply
 * (that is an unmeasured {@link Preference}).
 */
public interface Comparison {
    /** The key under {@code comparisons} in summary.json, such as {@code gpt-4o_vs_claude}. */
    default String name() {
        return targetA() + "_vs_" + targetB();
    }

    String targetA();

    String targetB();

    Preference compare(Case testCase, int repeatIndex, List<Message> input, String outputA, String outputB) throws InterruptedException;
}
