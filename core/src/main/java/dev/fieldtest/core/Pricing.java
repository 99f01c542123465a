package dev.fieldtest.core;

/**
 * What a target's calls cost in USD: per million input and output tokens (hosted models), and per call
 * and per second of compute (local models, so cost per success means something offline too). All parts
 * add up; {@link #FREE} when a target has no pricing. Immutable.
 */
public record Pricing(double inputPerMtok, double outputPerMtok, double perCall, double perSecond) {
    public static final Pricing FREE = new Pricing(0, 0, 0, 0);

    public Pricing {
        if (inputPerMtok < 0 || outputPerMtok < 0 || perCall < 0 || perSecond < 0) {
            throw new IllegalArgumentException("prices must be >= 0, but were " + inputPerMtok + "/" + outputPerMtok + "/" + perCall + "/" + perSecond);
        }
    }

    /** Token prices only, in USD per million tokens. */
    public Pricing(double inputPerMtok, double outputPerMtok) {
        this(inputPerMtok, outputPerMtok, 0, 0);
    }

    /** Cost in USD of the given token usage (0 when unknown); per-call and per-second parts are not included. */
    public double costUsd(Usage usage) {
        if (usage == null) return 0;
        return usage.inputTokens() * inputPerMtok / 1e6 + usage.outputTokens() * outputPerMtok / 1e6;
    }

    /** Cost in USD of one attempt: its tokens, the per-call price, and {@code computeSeconds} of compute. */
    public double costUsd(Usage usage, double computeSeconds) {
        return costUsd(usage) + perCall + perSecond * computeSeconds;
    }
}
