package nl.leefbaar.indicators.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Funnel flags of indicators.md (Comparing units fairly): the exact Poisson tail rule for
 * counts, normal limits for shares, and Spiegelhalter's additive random-effects
 * adjustment for overdispersion; plus the limits the funnel chart draws.
 */
public final class Funnels {

	/** k of the 99.8 % limits (high, low), as indicators.md fixes it. */
	public static final double K_998 = 3.090232;

	/** k of the 95 % limits (elevated, reduced), as indicators.md fixes it. */
	public static final double K_95 = 1.959964;

	/** The adjustment needs enough units to estimate tau2 from. */
	public static final int MIN_UNITS_FOR_ADJUSTMENT = 10;

	private Funnels() {
	}

	/** P(X >= observed) for X ~ Poisson(expected). */
	public static double upperTail(long observed, double expected) {
		if (observed <= 0) {
			return 1.0;
		}
		// The regularized gamma function is accurate in the far tails, where 1 - cdf is
		// not.
		return Gamma.regularizedGammaP(observed, expected);
	}

	/** P(X <= observed) for X ~ Poisson(expected). */
	public static double lowerTail(long observed, double expected) {
		if (observed < 0) {
			return 0.0;
		}
		return Gamma.regularizedGammaQ(observed + 1.0, expected);
	}

	/**
	 * The exact tail rule, checked in the order high, elevated, low, reduced, in range. A
	 * tail probability exactly at 0.001 or 0.025 is inside. Null (no flag) when expected
	 * is 0: a unit without dwellings or a level without reports is not compared.
	 */
	public static FunnelFlag exactPoissonFlag(long observed, double expected) {
		if (!(expected > 0)) {
			return null;
		}
		double upper = upperTail(observed, expected);
		if (upper < 0.001) {
			return FunnelFlag.HIGH;
		}
		if (upper < 0.025) {
			return FunnelFlag.ELEVATED;
		}
		double lower = lowerTail(observed, expected);
		if (lower < 0.001) {
			return FunnelFlag.LOW;
		}
		if (lower < 0.025) {
			return FunnelFlag.REDUCED;
		}
		return FunnelFlag.IN_RANGE;
	}

	/**
	 * Flags for {@code report_rate_12m}: observed counts against E = (sum O / sum
	 * dwellings) * dwellings, with the overdispersion adjustment on the square-root scale
	 * when asked for and it applies (I >= 10 and tau2 > 0).
	 */
	public static FunnelResult rates(List<FunnelUnit> units, boolean overdispersion) {
		double totalObserved = 0;
		double totalSize = 0;
		for (FunnelUnit unit : units) {
			totalObserved += unit.observed();
			totalSize += unit.size();
		}
		List<FunnelUnit> flagged = new ArrayList<>();
		List<Double> expected = new ArrayList<>();
		for (FunnelUnit unit : units) {
			double e = totalSize > 0 ? totalObserved / totalSize * unit.size() : 0.0;
			if (e > 0) {
				flagged.add(unit);
				expected.add(e);
			}
		}
		int count = flagged.size();
		double[] y = new double[count];
		double[] s = new double[count];
		for (int i = 0; i < count; i++) {
			double e = expected.get(i);
			y[i] = Math.sqrt(flagged.get(i).observed() / e);
			s[i] = 1 / (2 * Math.sqrt(e));
		}
		Overdispersion od = overdispersion ? Overdispersion.estimate(y, s, 1.0) : Overdispersion.NOT_COMPUTED;
		Map<String, FunnelFlag> flags = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			FunnelUnit unit = flagged.get(i);
			FunnelFlag flag = od.applies() ? normalFlag(y[i], 1.0, Math.sqrt(s[i] * s[i] + od.tau2()))
					: exactPoissonFlag(Math.round(unit.observed()), expected.get(i));
			flags.put(unit.unitId(), flag);
		}
		return new FunnelResult(Collections.unmodifiableMap(flags), count, od.phi(), od.tau2(), od.applies());
	}

	/**
	 * Flags for shares (x out of n) against p0 = sum x / sum n: normal limits clamped to
	 * [0, 1], or, with the adjustment, limits on the arcsine scale.
	 */
	public static FunnelResult shares(List<FunnelUnit> units, boolean overdispersion) {
		double totalObserved = 0;
		double totalSize = 0;
		List<FunnelUnit> flagged = new ArrayList<>();
		for (FunnelUnit unit : units) {
			if (unit.size() > 0) {
				flagged.add(unit);
				totalObserved += unit.observed();
				totalSize += unit.size();
			}
		}
		int count = flagged.size();
		double p0 = count == 0 ? Double.NaN : totalObserved / totalSize;
		double target = Math.asin(Math.sqrt(p0));
		double[] y = new double[count];
		double[] s = new double[count];
		for (int i = 0; i < count; i++) {
			FunnelUnit unit = flagged.get(i);
			y[i] = Math.asin(Math.sqrt(unit.observed() / unit.size()));
			s[i] = 1 / (2 * Math.sqrt(unit.size()));
		}
		Overdispersion od = overdispersion ? Overdispersion.estimate(y, s, target) : Overdispersion.NOT_COMPUTED;
		Map<String, FunnelFlag> flags = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			FunnelUnit unit = flagged.get(i);
			FunnelFlag flag = od.applies() ? normalFlag(y[i], target, Math.sqrt(s[i] * s[i] + od.tau2()))
					: shareFlag(unit.observed() / unit.size(), p0, unit.size());
			flags.put(unit.unitId(), flag);
		}
		return new FunnelResult(Collections.unmodifiableMap(flags), count, od.phi(), od.tau2(), od.applies());
	}

	/**
	 * The unadjusted share rule: p against p0 +- k sqrt(p0 (1 - p0) / n), clamped,
	 * strictly outside.
	 */
	static FunnelFlag shareFlag(double p, double p0, double n) {
		Interval outer = shareLimits(p0, n, 0.998, 0);
		Interval inner = shareLimits(p0, n, 0.95, 0);
		return flagAgainst(p, outer, inner);
	}

	/** y against target +- k sd with both k of indicators.md, strictly outside. */
	static FunnelFlag normalFlag(double y, double target, double sd) {
		Interval outer = new Interval(target - K_998 * sd, target + K_998 * sd);
		Interval inner = new Interval(target - K_95 * sd, target + K_95 * sd);
		return flagAgainst(y, outer, inner);
	}

	private static FunnelFlag flagAgainst(double value, Interval outer, Interval inner) {
		if (value > outer.high()) {
			return FunnelFlag.HIGH;
		}
		if (value > inner.high()) {
			return FunnelFlag.ELEVATED;
		}
		if (value < outer.low()) {
			return FunnelFlag.LOW;
		}
		if (value < inner.low()) {
			return FunnelFlag.REDUCED;
		}
		return FunnelFlag.IN_RANGE;
	}

	/**
	 * The funnel line on the count scale for a unit with expected value E, for drawing
	 * only: Spiegelhalter's interpolated Poisson quantiles when tau2 <= 0 (or NaN), else
	 * {@code E * (1 +- k sqrt(1/(4E) + tau2))^2} (the adjusted limits of the square-root
	 * scale). Neither line goes below 0; at E = 0 both are 0.
	 */
	public static Interval poissonLimits(double expected, double prob, double tau2) {
		if (expected == 0) {
			return new Interval(0, 0);
		}
		if (!(expected > 0)) {
			throw new IllegalArgumentException("Poisson limits need expected >= 0: " + expected);
		}
		double tail = (1 - prob) / 2;
		if (tau2 > 0) {
			double sd = Math.sqrt(1 / (4 * expected) + tau2);
			double k = k(prob);
			double low = Math.max(0, 1 - k * sd);
			double high = 1 + k * sd;
			return new Interval(expected * low * low, expected * high * high);
		}
		// At tiny E the interpolation at r = 0 runs below 0; a count line stops at 0.
		return new Interval(Math.max(0, interpolatedQuantile(expected, tail)),
				Math.max(0, interpolatedQuantile(expected, 1 - tail)));
	}

	/**
	 * The funnel line on the share scale for a unit of size n against p0, for drawing
	 * (and for the unadjusted flags): {@code p0 +- k sqrt(p0 (1 - p0) / n)} clamped to
	 * [0, 1] when tau2 <= 0 (or NaN), else the adjusted arcsine-scale limits transformed
	 * back.
	 */
	public static Interval shareLimits(double p0, double n, double prob, double tau2) {
		if (!(n > 0)) {
			throw new IllegalArgumentException("share limits need n > 0: " + n);
		}
		double k = k(prob);
		if (tau2 > 0) {
			double target = Math.asin(Math.sqrt(p0));
			double spread = k * Math.sqrt(1 / (4 * n) + tau2);
			// sin^2 is monotone only on [0, pi/2]: clamp the angle before transforming
			// back.
			double low = Math.max(0, target - spread);
			double high = Math.min(Math.PI / 2, target + spread);
			return new Interval(square(Math.sin(low)), square(Math.sin(high)));
		}
		double spread = k * Math.sqrt(p0 * (1 - p0) / n);
		return new Interval(Math.max(0, p0 - spread), Math.min(1, p0 + spread));
	}

	/**
	 * k for a two-sided probability: the constants of indicators.md for 95 % and 99.8 %,
	 * the normal quantile otherwise.
	 */
	public static double k(double prob) {
		if (prob == 0.95) {
			return K_95;
		}
		if (prob == 0.998) {
			return K_998;
		}
		if (!(prob > 0 && prob < 1)) {
			throw new IllegalArgumentException("probability must be in (0, 1): " + prob);
		}
		return new NormalDistribution(null, 0, 1).inverseCumulativeProbability((1 + prob) / 2);
	}

	/**
	 * Spiegelhalter (2005, appendix): r = the smallest count with F(r) >= p, then r -
	 * (F(r) - p) / (F(r) - F(r - 1)), so that the line is smooth in E.
	 */
	static double interpolatedQuantile(double expected, double p) {
		long r = Math.max(0, (long) Math.floor(
				expected + new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p) * Math.sqrt(expected)));
		while (r > 0 && lowerTail(r - 1, expected) >= p) {
			r--;
		}
		while (lowerTail(r, expected) < p) {
			r++;
		}
		double atR = lowerTail(r, expected);
		double belowR = lowerTail(r - 1, expected);
		return r - (atR - p) / (atR - belowR);
	}

	private static double square(double v) {
		return v * v;
	}

}
