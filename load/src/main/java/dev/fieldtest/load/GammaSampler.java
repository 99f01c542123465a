package dev.fieldtest.load;

import java.util.SplittableRandom;

/** Draws Gamma(shape, scale 1) variates (Marsaglia and Tsang's squeeze method; shape &lt; 1 boosted by U^(1/shape)). */
final class GammaSampler {
    private GammaSampler() {}

    static double sample(SplittableRandom random, double shape) {
        if (shape < 1) {
            double u = 1 - random.nextDouble(); // in (0, 1]
            return sample(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = 1 - random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
        return d; // unreachable in practice: acceptance is above 95% per attempt
    }
}
