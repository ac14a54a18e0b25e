package nl.leefbaar.sampledata;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the one seed: every complex draws from its own
 * streams, so a complex's data do not depend on how many complexes came before it.
 */
final class Seeds {

	private Seeds() {
	}

	static long mix(long seed, long index, long stream) {
		return finalise(finalise(seed * 0x9E3779B97F4A7C15L + index) ^ (stream * 0xC2B2AE3D27D4EB4FL));
	}

	/** SplitMix64's finaliser. */
	private static long finalise(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A Poisson draw by inversion; fine for the small means used here. */
	static int poisson(double mean, SplittableRandom rnd) {
		double limit = Math.exp(-mean);
		double product = rnd.nextDouble();
		int n = 0;
		while (product > limit) {
			product *= rnd.nextDouble();
			n++;
		}
		return n;
	}

	/** A log-normal factor with mean 1. */
	static double logNormal(double sigma, SplittableRandom rnd) {
		return Math.exp(sigma * rnd.nextGaussian() - sigma * sigma / 2);
	}

}
