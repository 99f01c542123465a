package dev.fieldtest.load;

import java.util.List;
import java.util.Map;

/**
 * The steps one target went through, in order, and what they add up to. Immutable.
 *
 * @param settings the target's own description of itself, never a secret
 */
public record TargetLoad(String targetId, Map<String, Object> settings, List<StepOutcome> steps) {
    public TargetLoad {
        settings = Map.copyOf(settings);
        steps = List.copyOf(steps);
    }

    /** The very first request of the run for this target (the first step's first send), or null. */
    public SentRequest coldStart() {
        return steps.isEmpty() ? null : steps.get(0).result().first();
    }

    /** The first step that broke an SLO or limit, or null when none did. */
    public StepOutcome collapse() {
        return steps.stream().filter(s -> !s.meetsSlo()).findFirst().orElse(null);
    }

    /** The highest offered rate of an open step that was valid and met every SLO and limit; null when none. */
    public Double maxSustainedRps() {
        return steps.stream().filter(StepOutcome::sustained).map(StepOutcome::plan).filter(p -> p instanceof StepPlan.Open)
                .map(p -> ((StepPlan.Open) p).offeredRps()).max(Double::compare).orElse(null);
    }
}
