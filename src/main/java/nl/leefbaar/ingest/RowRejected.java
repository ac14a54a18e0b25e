package nl.leefbaar.ingest;

/**
 * A row that breaks a rule of input-format.md: it goes to the reject file. Cheap: no
 * stack trace.
 */
final class RowRejected extends RuntimeException {

	private final String column;

	RowRejected(String column, String reason) {
		super(reason, null, false, false);
		this.column = column;
	}

	String column() {
		return column;
	}

	String reason() {
		return getMessage();
	}

}
