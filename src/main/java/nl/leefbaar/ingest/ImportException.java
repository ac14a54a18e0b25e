package nl.leefbaar.ingest;

/**
 * An import that cannot go on because of the input a user gave (missing folder or file,
 * missing column, invalid UTF-8, too many rejected rows). The message is one line that
 * names the file.
 */
public class ImportException extends RuntimeException {

	public ImportException(String message) {
		super(message);
	}

	public ImportException(String message, Throwable cause) {
		super(message, cause);
	}

}
