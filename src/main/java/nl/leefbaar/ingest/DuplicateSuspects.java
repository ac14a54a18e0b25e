package nl.leefbaar.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * A Bloom filter over the ids of one file while it is read: an id it has surely not seen
 * before costs nothing; an id it may have seen becomes a suspect. Only suspects are
 * looked for as duplicates in SQL, so a file without duplicates skips the grouping of
 * millions of staging rows. About 12 bits per expected row (at most 32 MB); an id sets
 * four bits of one 64-bit word (a blocked Bloom filter: one memory access per row instead
 * of three, for a slightly higher rate of false suspects); past 100,000 suspects the
 * filter gives up and every row is checked in SQL.
 */
final class DuplicateSuspects {

	static final int MAX_SUSPECTS = 100_000;

	private static final long MAX_BITS = 1L << 28;

	private final long[] bits;

	private final int wordMask;

	private final Set<String> suspects = new HashSet<>();

	private boolean overflow;

	DuplicateSuspects(long fileBytes) {
		long expectedRows = Math.max(1024, fileBytes / 40);
		long wanted = Math.min(MAX_BITS, Long.highestOneBit(expectedRows * 12) << 1);
		bits = new long[(int) (wanted >>> 6)];
		wordMask = bits.length - 1;
	}

	void add(String key) {
		long h = hash(key);
		int word = (int) h & wordMask;
		long flags = 1L << (h >>> 40) | 1L << (h >>> 46) | 1L << (h >>> 52) | 1L << (h >>> 58);
		long before = bits[word];
		bits[word] = before | flags;
		if ((before & flags) == flags && !overflow) {
			if (suspects.size() < MAX_SUSPECTS) {
				suspects.add(key);
			}
			else {
				overflow = true;
				suspects.clear();
			}
		}
	}

	/** True when every id is surely unique. */
	boolean none() {
		return !overflow && suspects.isEmpty();
	}

	/** True when the filter gave up: check all rows. */
	boolean overflow() {
		return overflow;
	}

	String[] suspects() {
		return suspects.toArray(String[]::new);
	}

	/**
	 * String's own hash (cached in the String, computed without bounds checks), spread to
	 * 64 bits. Two ids with the same 32-bit hash only make a false suspect, which SQL
	 * clears.
	 */
	private static long hash(String key) {
		long h = key.hashCode() * 0x9E3779B97F4A7C15L + key.length();
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
