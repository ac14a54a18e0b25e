package nl.leefbaar.ingest;

/**
 * PostgreSQL's {@code hashtextextended(text, 0)} in Java: {@code hash_bytes_extended} of
 * src/common/hashfn.c (Bob Jenkins' lookup3, as PostgreSQL adapted it) over the UTF-8
 * bytes of the text, as a server on a little-endian machine computes it for a text in a
 * deterministic collation. The report digests (V1__baseline.sql) are sums of such hashes,
 * and the importer computes them for the rows it copies; {@code PgHashTests} checks the
 * values against the server's own.
 */
final class PgHash {

	private PgHash() {
	}

	/** {@code hash_bytes_extended(bytes[0..length), seed 0)} as a signed 64-bit value. */
	static long hashtextextended(byte[] bytes, int length) {
		int a = 0x9e3779b9 + length + 3923095;
		int b = a;
		int c = a;
		int i = 0;
		int left = length;
		while (left >= 12) {
			// little-endian words, written out: this runs for every report of a load
			a += (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
					| (bytes[i + 3] & 0xff) << 24;
			b += (bytes[i + 4] & 0xff) | (bytes[i + 5] & 0xff) << 8 | (bytes[i + 6] & 0xff) << 16
					| (bytes[i + 7] & 0xff) << 24;
			c += (bytes[i + 8] & 0xff) | (bytes[i + 9] & 0xff) << 8 | (bytes[i + 10] & 0xff) << 16
					| (bytes[i + 11] & 0xff) << 24;
			// mix(a, b, c)
			a -= c;
			a ^= Integer.rotateLeft(c, 4);
			c += b;
			b -= a;
			b ^= Integer.rotateLeft(a, 6);
			a += c;
			c -= b;
			c ^= Integer.rotateLeft(b, 8);
			b += a;
			a -= c;
			a ^= Integer.rotateLeft(c, 16);
			c += b;
			b -= a;
			b ^= Integer.rotateLeft(a, 19);
			a += c;
			c -= b;
			c ^= Integer.rotateLeft(b, 4);
			b += a;
			i += 12;
			left -= 12;
		}
		// the last 11 bytes; the lowest byte of c is left for the length, as in hashfn.c
		if (left >= 9) {
			c += tail(bytes, i + 8, left - 8) << 8;
		}
		if (left >= 5) {
			b += tail(bytes, i + 4, Math.min(4, left - 4));
		}
		if (left >= 1) {
			a += tail(bytes, i, Math.min(4, left));
		}
		// final(a, b, c)
		c ^= b;
		c -= Integer.rotateLeft(b, 14);
		a ^= c;
		a -= Integer.rotateLeft(c, 11);
		b ^= a;
		b -= Integer.rotateLeft(a, 25);
		c ^= b;
		c -= Integer.rotateLeft(b, 16);
		a ^= c;
		a -= Integer.rotateLeft(c, 4);
		b ^= a;
		b -= Integer.rotateLeft(a, 14);
		c ^= b;
		c -= Integer.rotateLeft(b, 24);
		return ((long) b << 32) | (c & 0xffffffffL);
	}

	/** Up to four bytes as a little-endian word (missing high bytes zero). */
	private static int tail(byte[] bytes, int at, int count) {
		int word = 0;
		for (int k = 0; k < count; k++) {
			word |= (bytes[at + k] & 0xff) << (8 * k);
		}
		return word;
	}

}
