package dev.fieldtest.scorers;

import dev.fieldtest.core.spi.BuildContext;
import dev.fieldtest.core.spi.Check;
import dev.fieldtest.core.spi.CheckFactory;
import dev.fieldtest.core.spi.CheckSpec;
import dev.fieldtest.scorers.internal.Behaviour;
import dev.fieldtest.scorers.internal.BehaviourCheck;
import dev.fieldtest.scorers.internal.GroundedCheck;
import dev.fieldtest.scorers.internal.NoInventedReferencesCheck;
import dev.fieldtest.scorers.internal.Settings;
import java.util.Set;

/**
 * Checks of how a system behaves when it should not simply answer, and of whether what it says is backed
 * by what it was given (docs/robustness.md):
 * <ul>
 *   <li>{@code abstains}, {@code asks-clarification}, {@code admits-uncertainty}, {@code refuses}: detect
 *       the behaviour with case-insensitive phrase patterns ({@code patterns} replaces the built-in English
 *       ones, {@code extra_patterns} adds to them), or with a judge ({@code judge: <id>}, instead of
 *       patterns; an unusable reply is unmeasured and the judge's cost is the verdict's). With a case {@code expect}, pass when the behaviour is
 *       present exactly when the case calls for it; without, pass when it is present. A detected behaviour
 *       is always reported as the finding {@code behaviour:abstain|clarify|uncertain|refuse}.
 *   <li>{@code no-invented-references}: {@code kind} ({@code paths}, {@code urls}, {@code citations}) or
 *       {@code pattern}; the allow-list from {@code allow} (templates), {@code allow_file} and
 *       {@code allow_dir}. Fails when the output names anything not allowed, with a finding
 *       {@code invented:<item>} per invented item.
 *   <li>{@code grounded}: {@code context} (template, required), {@code mode} ({@code lexical},
 *       {@code embedding} or {@code judge}), {@code min_score} (1), {@code min_overlap} (0.5, lexical),
 *       {@code model} and {@code threshold} (embedding), {@code judge} (judge mode, required there). Scores the share of the output's sentences the context supports.
 * </ul>
 * Besides the common keys {@code type}, {@code name} and {@code extract}. Every settings problem is
 * reported at its value, all at once, and then {@link #create} returns null. Checks are thread-safe and
 * fail (never throw) on output they cannot judge, including no output at all.
 */
public final class RobustnessChecks implements CheckFactory {
    private static final Set<String> TYPES = Set.of(
            "abstains", "asks-clarification", "admits-uncertainty", "refuses", "no-invented-references", "grounded");

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public Check create(CheckSpec spec, BuildContext context) {
        Settings s = new Settings(spec, context);
        Behaviour behaviour = Behaviour.ofType(spec.type());
        if (behaviour != null) return BehaviourCheck.build(s, behaviour);
        return switch (spec.type()) {
            case "no-invented-references" -> NoInventedReferencesCheck.build(s);
            case "grounded" -> GroundedCheck.build(s);
            default -> throw new IllegalArgumentException("RobustnessChecks does not build type '" + spec.type()
                    + "'; the loader should pick the factory whose types() has it");
        };
    }
}
