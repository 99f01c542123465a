package dev.fieldtest.scorers;

import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.scorers.internal.JudgeSettings;
import dev.fieldtest.scorers.internal.Settings;
import java.util.Set;

/**
 * Checks graded by a model the suite declares under {@code judges:} (docs/robustness.md, "Judges"):
 * <ul>
 *   <li>{@code judge}: {@code judge} (one judge id) or {@code judges} (a list of ids, a panel);
 *       {@code rubric: {criteria, steps, scale: {min, max}}} (criteria and steps are templates over the
 *       case's variables, such as {@code {{expected}}}; scale 1..5 by default); {@code threshold} (0..1,
 *       default 0.7); {@code aggregate}: {@code mean} (default; the mean score must reach the threshold) or
 *       {@code majority} (more than half of the judges with a usable score must reach it).
 * </ul>
 * A raw score r becomes (r − min)/(max − min). The answer is fenced between delimiter lines with a random
 * token per call and declared data; a reply without a JSON object holding a numeric score on the scale, or
 * a failed judge call, is unmeasured (never a pass). Findings carry {@code judge:<id>=<0..1 score>} or
 * {@code judge:<id>=unmeasured} per judge; the judges' tokens and cost go into the verdict. Thread-safe.
 */
public final class JudgeChecks implements CheckFactory {
    @Override
    public Set<String> types() {
        return Set.of("judge");
    }

    @Override
    public Check create(CheckSpec spec, BuildContext context) {
        if (!spec.type().equals("judge")) {
            throw new IllegalArgumentException("JudgeChecks does not build type '" + spec.type()
                    + "'; the loader should pick the factory whose types() has it");
        }
        return JudgeSettings.build(new Settings(spec, context), context);
    }
}
