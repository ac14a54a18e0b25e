package nl.leefbaar.indicators.stats;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The exact test of equal rates in two equally long windows (R's
 * {@code poisson.test(c(after, before))}): given n = after + before, after ~ Binomial(n, 1/2)
 * under no change; the ratio's 95 % interval is the Clopper-Pearson interval p mapped to
 * p / (1 - p). All fields are null when n = 0 (no test); with before = 0 the ratio is null and
 * its upper limit infinite.
 */
public record RateRatioTest(Double rateRatio, Double ciLow, Double ciHigh, Double pValue) {

    public static RateRatioTest of(long after, long before) {
        if (after < 0 || before < 0) {
            throw new IllegalArgumentException("counts must be >= 0: after " + after + ", before " + before);
        }
        long n = after + before;
        if (n == 0) {
            return new RateRatioTest(null, null, null, null);
        }
        Double ratio = before == 0 ? null : (double) after / before;
        // Clopper-Pearson: the Beta quantiles, with the edges x = 0 and x = n closed exactly.
        double pLow = after == 0 ? 0.0 : beta(after, before + 1).inverseCumulativeProbability(0.025);
        double pHigh = before == 0 ? 1.0 : beta(after + 1, before).inverseCumulativeProbability(0.975);
        double low = pLow / (1 - pLow);
        double high = before == 0 ? Double.POSITIVE_INFINITY : pHigh / (1 - pHigh);
        double atMost = binomialAtMostHalf(after, n);
        // P(X >= after) = P(X <= n - after) by symmetry at 1/2, without the cancellation of 1 - cdf.
        double atLeast = binomialAtMostHalf(n - after, n);
        double p = Math.min(1.0, 2 * Math.min(atMost, atLeast));
        return new RateRatioTest(ratio, low, high, p);
    }

    /**
     * P(X <= k) for X ~ Binomial(n, 1/2), as I_{1/2}(n - k, k + 1) straight from the regularized
     * beta function: Commons Math's BinomialDistribution computes 1 - I_{1/2}(k + 1, n - k),
     * which rounds a small lower tail to 0.
     */
    static double binomialAtMostHalf(long k, long n) {
        if (k >= n) {
            return 1.0;
        }
        return Beta.regularizedBeta(0.5, n - k, k + 1.0);
    }

    private static BetaDistribution beta(double alpha, double beta) {
        return new BetaDistribution(null, alpha, beta, Intervals.INVERSE_ACCURACY);
    }
}
