package nl.leefbaar.indicators.stats;

/** phi and tau2 of the additive random-effects model (indicators.md, Overdispersion). */
record Overdispersion(double phi, double tau2, boolean applies) {

	static final Overdispersion NOT_COMPUTED = new Overdispersion(Double.NaN, Double.NaN, false);

	/** y and s per unit on the transformed scale, all against one target. */
	static Overdispersion estimate(double[] y, double[] s, double target) {
		int count = y.length;
		if (count < 2) {
			// One unit is its own reference: no spread to estimate.
			return NOT_COMPUTED;
		}
		double[] z = new double[count];
		for (int i = 0; i < count; i++) {
			z[i] = (y[i] - target) / s[i];
		}
		double floor = Percentiles.r7(z, 0.1);
		double ceiling = Percentiles.r7(z, 0.9);
		double sumZw2 = 0;
		double sumW = 0;
		double sumW2 = 0;
		for (int i = 0; i < count; i++) {
			double zw = Math.min(ceiling, Math.max(floor, z[i]));
			sumZw2 += zw * zw;
			double w = 1 / (s[i] * s[i]);
			sumW += w;
			sumW2 += w * w;
		}
		double phi = sumZw2 / count;
		double tau2 = Math.max(0, (count * phi - (count - 1)) / (sumW - sumW2 / sumW));
		return new Overdispersion(phi, tau2, count >= Funnels.MIN_UNITS_FOR_ADJUSTMENT && tau2 > 0);
	}
}
