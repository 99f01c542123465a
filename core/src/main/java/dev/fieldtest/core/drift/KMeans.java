package dev.fieldtest.core.drift;

import java.util.SplittableRandom;

/**
 * Seeded k-means (k-means++ seeding, then Lloyd's iterations until no point moves, at most 100) in Euclidean
 * distance; on unit-length embeddings that orders points as cosine does. The topic descriptor is a point's cluster.
 */
public final class KMeans {
    static final int MAX_ITERATIONS = 100;

    private KMeans() {}

    /** The cluster index (0..k'−1) of each point, with k' = min(k, points); the same seed gives the same labels. */
    public static int[] cluster(double[][] points, int k, long seed) {
        int n = points.length;
        int[] label = new int[n];
        if (n == 0) return label;
        k = Math.min(k, n);
        double[][] centres = seed(points, k, new SplittableRandom(seed));
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            boolean moved = it == 0;
            for (int i = 0; i < n; i++) {
                int best = nearest(points[i], centres);
                if (best != label[i]) moved = true;
                label[i] = best;
            }
            if (!moved) break;
            double[][] sums = new double[k][points[0].length];
            int[] sizes = new int[k];
            for (int i = 0; i < n; i++) {
                sizes[label[i]]++;
                for (int d = 0; d < sums[0].length; d++) sums[label[i]][d] += points[i][d];
            }
            // An emptied cluster keeps its old centre rather than vanishing.
            for (int c = 0; c < k; c++) if (sizes[c] > 0) for (int d = 0; d < sums[c].length; d++) centres[c][d] = sums[c][d] / sizes[c];
        }
        return label;
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to squared distance to the nearest centre. */
    private static double[][] seed(double[][] points, int k, SplittableRandom random) {
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(points.length)].clone();
        double[] d2 = new double[points.length];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                d2[i] = Double.MAX_VALUE;
                for (int j = 0; j < c; j++) d2[i] = Math.min(d2[i], Mmd.squaredDistance(points[i], centres[j]));
                total += d2[i];
            }
            int pick = 0;
            if (total > 0) {
                double r = random.nextDouble() * total;
                while (pick < points.length - 1 && (r -= d2[pick]) >= 0) pick++;
            } else {
                pick = random.nextInt(points.length);
            }
            centres[c] = points[pick].clone();
        }
        return centres;
    }

    private static int nearest(double[] p, double[][] centres) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int c = 0; c < centres.length; c++) {
            double d = Mmd.squaredDistance(p, centres[c]);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
