package nl.leefbaar.report.charts;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * The funnel's control limits on the count scale, for drawing only (flags come from the
 * indicators stage). Stand-in for the stats helper's Funnels.poissonLimits(expected, prob, tau2)
 * until that branch is merged: Spiegelhalter's interpolated Poisson quantiles, or with tau2 > 0 the
 * additive random-effects limits on the square-root scale.
 */
final class FunnelLimits {
    record Interval(double low, double high) {
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private FunnelLimits() {
    }

    /** prob is the two-sided coverage: 0.95 or 0.998. */
    static Interval poissonLimits(double expected, double prob, double tau2) {
        double tail = (1 - prob) / 2;
        if (tau2 > 0) {
            double k = NORMAL.inverseCumulativeProbability(1 - tail);
            double spread = k * Math.sqrt(1 / (4 * expected) + tau2);
            double low = Math.max(0, 1 - spread);
            return new Interval(expected * low * low, expected * (1 + spread) * (1 + spread));
        }
        return new Interval(interpolated(expected, tail), interpolated(expected, 1 - tail));
    }

    /** r - (F(r) - p) / (F(r) - F(r - 1)) with r the p-quantile of Poisson(expected). */
    private static double interpolated(double expected, double p) {
        PoissonDistribution poisson = new PoissonDistribution(null, expected,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        int r = poisson.inverseCumulativeProbability(p);
        double atR = poisson.cumulativeProbability(r);
        double below = r > 0 ? poisson.cumulativeProbability(r - 1) : 0;
        return Math.max(0, r - (atR - p) / (atR - below));
    }
}
