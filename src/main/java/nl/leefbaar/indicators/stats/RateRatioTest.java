package nl.leefbaar.indicators.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The exact test of equal rates in two equally long windows (R's
 * {@code poisson.test(c(after, before))}): given n = after + before, after ~ Binomial(n,
 * 1/2) under no change; the ratio's 95 % interval is the Clopper-Pearson interval p
 * mapped to p / (1 - p). All fields are null when n = 0 (no test); with before = 0 the
 * ratio is null and its upper limit infinite.
 */
public record RateRatioTest(Double rateRatio, Double ciLow, Double ciHigh, Double pValue) {

	/** Up to this many reports the p-value is summed exactly (a few ms at most). */
	static final long EXACT_UP_TO = 2_000;

	private static final MathContext EXACT_CONTEXT = new MathContext(40);

	public static RateRatioTest of(long after, long before) {
		if (after < 0 || before < 0) {
			throw new IllegalArgumentException("counts must be >= 0: after " + after + ", before " + before);
		}
		long n = after + before;
		if (n == 0) {
			return new RateRatioTest(null, null, null, null);
		}
		Double ratio = before == 0 ? null : (double) after / before;
		// Clopper-Pearson: the Beta quantiles, with the edges x = 0 and x = n closed
		// exactly.
		double pLow = after == 0 ? 0.0 : beta(after, before + 1).inverseCumulativeProbability(0.025);
		double pHigh = before == 0 ? 1.0 : beta(after + 1, before).inverseCumulativeProbability(0.975);
		double low = pLow / (1 - pLow);
		double high = before == 0 ? Double.POSITIVE_INFINITY : pHigh / (1 - pHigh);
		// min(P(X <= after), P(X >= after)) = P(X <= min(after, before)): at 1/2, X >=
		// after is
		// the mirror image of X <= before.
		double smallerTail = binomialAtMostHalf(Math.min(after, before), n);
		double p = Math.min(1.0, 2 * smallerTail);
		return new RateRatioTest(ratio, low, high, p);
	}

	/**
	 * P(X <= k) for X ~ Binomial(n, 1/2). Up to {@value #EXACT_UP_TO} reports it is the
	 * exact sum of binomial coefficients over 2^n, rounded once, so that 4 against 0
	 * gives R's 0.125 and not 0.12500000000000006; above that, I_{1/2}(n - k, k + 1) from
	 * the regularized beta function, which keeps small tails (Commons Math's
	 * BinomialDistribution computes 1 - I_{1/2}(k + 1, n - k) and rounds them to 0).
	 */
	static double binomialAtMostHalf(long k, long n) {
		if (k >= n) {
			return 1.0;
		}
		if (n <= EXACT_UP_TO) {
			BigInteger term = BigInteger.ONE;
			BigInteger sum = BigInteger.ONE;
			for (long i = 1; i <= k; i++) {
				term = term.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
				sum = sum.add(term);
			}
			return new BigDecimal(sum).divide(new BigDecimal(BigInteger.ONE.shiftLeft((int) n)), EXACT_CONTEXT)
				.doubleValue();
		}
		return Beta.regularizedBeta(0.5, n - k, k + 1.0);
	}

	private static BetaDistribution beta(double alpha, double beta) {
		return new BetaDistribution(null, alpha, beta, Intervals.INVERSE_ACCURACY);
	}
}
