package dev.fieldtest.core;

/**
 * What a target's calls cost, in USD per million tokens. {@link #FREE} when a target has no pricing.
 * Immutable.
 */
public record Pricing(double inputPerMtok, double outputPerMtok) {
    public static final Pricing FREE = new Pricing(0, 0);

    public Pricing {
        if (inputPerMtok < 0 || outputPerMtok < 0) {
            throw new IllegalArgumentException("prices must be >= 0, but were " + inputPerMtok + "/" + outputPerMtok);
        }
    }

    /** Cost in USD of the given usage; 0 when usage is unknown. */
    public double costUsd(Usage usage) {
        if (usage == null) return 0;
        return usage.inputTokens() * inputPerMtok / 1e6 + usage.outputTokens() * outputPerMtok / 1e6;
    }
}
