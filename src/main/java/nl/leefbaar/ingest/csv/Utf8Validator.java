package nl.leefbaar.ingest.csv;

/**
 * Checks each buffer as it is read, carrying an unfinished sequence over to the next
 * buffer, so that the offset of the first bad byte is exact (RFC 3629: no overlongs, no
 * surrogates, nothing above U+10FFFF).
 */
final class Utf8Validator {

	private int pending; // continuation bytes still expected

	private int lower = 0x80;

	private int upper = 0xBF;

	private long sequenceStart;

	private long line = 1;

	void check(byte[] bytes, int length, long offset) {
		for (int i = 0; i < length; i++) {
			int b = bytes[i];
			if (pending == 0) {
				if (b >= 0) {
					if (b == '\n') {
						line++;
					}
					continue;
				}
				b &= 0xFF;
				sequenceStart = offset + i;
				if (b >= 0xC2 && b <= 0xDF) {
					pending = 1;
				}
				else if (b >= 0xE0 && b <= 0xEF) {
					pending = 2;
				}
				else if (b >= 0xF0 && b <= 0xF4) {
					pending = 3;
				}
				else {
					throw invalid(offset + i);
				}
				lower = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
				upper = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
			}
			else {
				b &= 0xFF;
				if (b < lower || b > upper) {
					throw invalid(sequenceStart);
				}
				lower = 0x80;
				upper = 0xBF;
				pending--;
			}
		}
	}

	void end(long offset) {
		if (pending > 0) {
			throw invalid(sequenceStart);
		}
	}

	private CsvException invalid(long offset) {
		return new CsvException("not valid UTF-8: bad byte at offset " + offset + " (line " + line + ")", offset, line);
	}

}
