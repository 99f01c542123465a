package dev.fieldtest.core.run;

/**
 * A suite's spending limit ({@code budget:}, docs/suite.md): the most calls to start and the most USD to
 * spend, either may be null (no limit). {@link #NONE} when the suite sets no budget. Immutable.
 *
 * @param maxUsd   no new call starts once the calls' and judges' cost so far reaches this (USD, above 0)
 * @param maxCalls no new call starts once this many have started (at least 1)
 */
public record Budget(Double maxUsd, Integer maxCalls) {
    public static final Budget NONE = new Budget(null, null);

    public Budget {
        if (maxUsd != null && !(maxUsd > 0 && Double.isFinite(maxUsd))) throw new IllegalArgumentException("max_usd must be above 0, but was " + maxUsd);
        if (maxCalls != null && maxCalls < 1) throw new IllegalArgumentException("max_calls must be at least 1, but was " + maxCalls);
    }

    public boolean limited() {
        return maxUsd != null || maxCalls != null;
    }
}
