package dev.fieldtest.core.stats;

/**
 * McNemar's exact test for paired pass/fail outcomes, and the number of pairs it needs to detect a given
 * difference (Connor 1987). Only discordant pairs carry information: {@code aOnly} pairs where A passed and
 * B failed, {@code bOnly} the reverse. Stateless.
 */
public final class McNemar {
    /** Φ⁻¹(0.975): two-sided α = 0.05. */
    public static final double Z_ALPHA = WilsonInterval.Z95;
    /** Φ⁻¹(0.80): power 80 %. */
    public static final double Z_POWER = 0.8416212335729143;

    private McNemar() {}

    /**
     * The two-sided exact p-value {@code min(1, 2·P(X ≤ min(aOnly, bOnly)))} with X ~ Bin(aOnly + bOnly, ½);
     * 1 when there are no discordant pairs. Summed in log space, so any count works.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public static double exactP(long aOnly, long bOnly) {
        if (aOnly < 0 || bOnly < 0) throw new IllegalArgumentException("counts must be >= 0, but were " + aOnly + ", " + bOnly);
        long n = aOnly + bOnly;
        if (n == 0) return 1;
        long k = Math.min(aOnly, bOnly);
        double logTerm = -n * Math.log(2); // log(C(n, 0) / 2^n)
        double logSum = logTerm;
        for (long i = 0; i < k; i++) {
            logTerm += Math.log((double) (n - i) / (i + 1)); // C(n, i+1) = C(n, i)·(n−i)/(i+1)
            // terms grow while i < k ≤ n/2, so logSum − logTerm ≤ log(i + 2): exp cannot overflow
            logSum = logTerm + Math.log1p(Math.exp(logSum - logTerm));
        }
        return Math.min(1, 2 * Math.exp(logSum));
    }

    /**
     * Pairs McNemar's test needs for 80 % power at two-sided α = 0.05 to detect a difference {@code delta}
     * in pass rates, when a share {@code psi} of pairs is discordant (Connor 1987):
     * {@code N = (z_{α/2}·√ψ + z_β·√(ψ − δ²))² / δ²}, rounded up.
     *
     * <p>A difference δ = p₁₀ − p₀₁ needs a discordant share ψ = p₁₀ + p₀₁ of at least δ, so ψ is raised to
     * δ when smaller (which also keeps ψ − δ² above 0, where the formula would have no value). The answer is
     * then the fewest pairs that could detect δ at all, and an observed ψ of 0 still gives a finite N.
     *
     * @throws IllegalArgumentException unless 0 &lt; delta &lt; 1 and 0 ≤ psi ≤ 1
     */
    public static long pairsToDetect(double psi, double delta) {
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("delta must be in (0, 1), but was " + delta);
        if (!(psi >= 0 && psi <= 1)) throw new IllegalArgumentException("psi must be in [0, 1], but was " + psi);
        double p = Math.max(psi, delta);
        double root = Z_ALPHA * Math.sqrt(p) + Z_POWER * Math.sqrt(p - delta * delta);
        return (long) Math.ceil(root * root / (delta * delta));
    }
}
