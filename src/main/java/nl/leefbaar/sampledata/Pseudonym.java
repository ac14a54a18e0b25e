package nl.leefbaar.sampledata;

import java.nio.charset.StandardCharsets;

/**
 * Pseudonymous dwelling references: "W-" and six hex digits from a bijection on 24 bits
 * of (complex, dwelling number), so no two dwellings of the first 32,768 complexes share
 * one and nothing in the reference points to an address.
 */
final class Pseudonym {

	private static final int MASK = 0xFFFFFF;

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private Pseudonym() {
	}

	static int code(int complexIndex, int dwelling) {
		int x = ((complexIndex << 9) + dwelling) & MASK;
		x = (x + 0x5A3C71) & MASK;
		x = (x * 0x2C1B3D) & MASK;
		x ^= x >>> 11;
		x = (x * 0x1E35A7) & MASK;
		x ^= x >>> 13;
		return x;
	}

	static String dwellingRef(int complexIndex, int dwelling) {
		return String.format("W-%06x", code(complexIndex, dwelling));
	}

	/**
	 * Writes the reference into buffer at pos (8 bytes) and returns the next position.
	 */
	static int write(int complexIndex, int dwelling, byte[] buffer, int pos) {
		int code = code(complexIndex, dwelling);
		buffer[pos++] = 'W';
		buffer[pos++] = '-';
		for (int shift = 20; shift >= 0; shift -= 4) {
			buffer[pos++] = HEX[(code >>> shift) & 0xF];
		}
		return pos;
	}

}
