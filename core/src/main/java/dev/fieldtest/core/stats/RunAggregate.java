package dev.fieldtest.core.stats;

import dev.fieldtest.core.ScoredCall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;

/**
 * One {@link TargetAggregate} per target id, in the order targets were first seen (by {@link #add} or
 * {@link #merge}). Mergeable like its parts: aggregates of any split of a run's calls merge to the same
 * per-target aggregates as one over all of them (the order of targets may then differ). Not thread-safe.
 */
public final class RunAggregate {
    private final Map<String, TargetAggregate> targets = new LinkedHashMap<>();

    /** An aggregate with no targets. */
    public RunAggregate() {}

    /**
     * A collector that aggregates a stream of calls, sequential or parallel:
     * {@code calls.stream().collect(RunAggregate.collector())}.
     */
    public static Collector<ScoredCall, RunAggregate, RunAggregate> collector() {
        return Collector.of(RunAggregate::new, RunAggregate::add, (a, b) -> {
            a.merge(b);
            return a;
        });
    }

    /**
     * Counts one call under its observation's target id.
     *
     * @throws IllegalArgumentException as {@link TargetAggregate#add}; this aggregate is then unchanged
     */
    public void add(ScoredCall call) {
        String id = Objects.requireNonNull(call.observation().targetId(), "observation.targetId");
        TargetAggregate target = targets.get(id);
        if (target == null) {
            TargetAggregate fresh = new TargetAggregate(id);
            fresh.add(call); // may throw: only then register the target
            targets.put(id, fresh);
        } else {
            target.add(call);
        }
    }

    /** Adds every target of {@code other}; {@code other} is unchanged. */
    public void merge(RunAggregate other) {
        if (other == this) other = copy();
        for (TargetAggregate t : other.targets.values()) {
            targets.computeIfAbsent(t.targetId(), TargetAggregate::new).merge(t);
        }
    }

    /** A copy that evolves independently of this one. */
    public RunAggregate copy() {
        RunAggregate c = new RunAggregate();
        targets.values().forEach(t -> c.targets.put(t.targetId(), t.copy()));
        return c;
    }

    /** The targets by id, in first-seen order; an unmodifiable live view (the aggregates themselves are live). */
    public Map<String, TargetAggregate> targets() {
        return Collections.unmodifiableMap(targets);
    }

    /** The aggregate of one target, if any call of it was counted. */
    public Optional<TargetAggregate> target(String targetId) {
        return Optional.ofNullable(targets.get(targetId));
    }
}
