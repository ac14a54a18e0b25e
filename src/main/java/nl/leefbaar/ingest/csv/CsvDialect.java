package nl.leefbaar.ingest.csv;

/**
 * What the start of an export says about its form (input-format.md): a UTF-8 byte-order
 * mark, and the delimiter, {@code ,} or {@code ;}, whichever occurs more often outside
 * quotes on the header line ({@code ,} on a tie).
 */
final class CsvDialect {

	private CsvDialect() {
	}

	/** 3 when the bytes start with a UTF-8 byte-order mark, else 0. */
	static int byteOrderMarkLength(byte[] buf, int limit) {
		return limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
	}

	/** The delimiter of the first line in buf[from, limit). */
	static char delimiter(byte[] buf, int from, int limit) {
		int commas = 0;
		int semicolons = 0;
		boolean quoted = false;
		for (int i = from; i < limit; i++) {
			byte b = buf[i];
			if (b == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				if (b == '\n' || b == '\r') {
					break;
				}
				else if (b == ',') {
					commas++;
				}
				else if (b == ';') {
					semicolons++;
				}
			}
		}
		return semicolons > commas ? ';' : ',';
	}

}
