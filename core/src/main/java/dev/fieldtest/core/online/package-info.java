/**
 * Online scoring (docs/online-scoring.md): the suite's {@code online:} section, the deterministic hash
 * sample of production spans, turning a span into an {@link dev.fieldtest.core.Observation}, and scoring it
 * with the same {@link dev.fieldtest.core.run.CallScorer} offline runs use, under a budget.
 */
package dev.fieldtest.core.online;
