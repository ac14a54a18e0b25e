package nl.leefbaar.ingest.csv;

/**
 * A file the reader refuses as a whole: it is not valid UTF-8. The message names the byte
 * offset and the physical line; the caller adds the file name.
 */
public class CsvException extends RuntimeException {

	private final long offset;

	private final long line;

	public CsvException(String message, long offset, long line) {
		super(message);
		this.offset = offset;
		this.line = line;
	}

	public long offset() {
		return offset;
	}

	public long line() {
		return line;
	}

}
