package dev.fieldtest.core.drift;

/**
 * The population stability index and the Jensen–Shannon divergence of two binned distributions (docs/drift.md).
 * Both take golden (expected) and production (actual) counts over the same bins.
 */
public final class Divergence {
    /** The share an empty bin is given in PSI, so its logarithm stays finite (shares are not renormalised). */
    public static final double PSI_EPSILON = 1e-4;

    private Divergence() {}

    /** PSI = Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ) over bins, with eᵢ the golden share, aᵢ the production share, 0 replaced by ε. */
    public static double psi(long[] golden, long[] production) {
        double[] e = Binned.shares(golden), a = Binned.shares(production);
        double sum = 0;
        for (int i = 0; i < e.length; i++) {
            double ei = Math.max(e[i], PSI_EPSILON), ai = Math.max(a[i], PSI_EPSILON);
            sum += (ai - ei) * Math.log(ai / ei);
        }
        return sum;
    }

    /**
     * JS(P, Q) = ½·KL(P‖M) + ½·KL(Q‖M) with M = ½(P + Q), logarithms base 2, so it lies in [0, 1]; 0·log 0 counts as 0
     * (no ε needed: M is positive wherever P or Q is).
     */
    public static double jensenShannon(long[] golden, long[] production) {
        double[] p = Binned.shares(golden), q = Binned.shares(production);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) sum += 0.5 * p[i] * log2(p[i] / m);
            if (q[i] > 0) sum += 0.5 * q[i] * log2(q[i] / m);
        }
        return Math.min(1, Math.max(0, sum));
    }

    /**
     * Wasserstein-1 (earth mover's) distance between two empirical distributions on the line, exactly:
     * ∫ |F(x) − G(x)| dx over the merged sorted values, F and G the two empirical CDFs. In the values' unit.
     */
    public static double wasserstein1(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) throw new IllegalArgumentException("both samples need a value");
        double[] x = a.clone(), y = b.clone();
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        int i = 0, j = 0;
        double sum = 0, prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            // F and G are constant on [prev, next): the CDFs of the values already passed.
            sum += Math.abs((double) i / x.length - (double) j / y.length) * (next - prev);
            while (i < x.length && x[i] == next) i++;
            while (j < y.length && y[j] == next) j++;
            prev = next;
        }
        return sum;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
