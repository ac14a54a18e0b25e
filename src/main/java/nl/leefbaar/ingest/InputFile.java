package nl.leefbaar.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.leefbaar.ingest.csv.CsvReader;

/**
 * One of the four exports of input-format.md: its columns, its rules for a row, and the
 * staging columns a valid row becomes. {@link #stage} throws {@link RowRejected} for a
 * row that breaks a rule, naming the column.
 */
abstract class InputFile {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private CsvReader reader;

	/** The values of a pulled record, in place of the reader's row; null for a file. */
	private List<String> record;

	/** The id of the row last staged, for duplicate detection. */
	String key;

	abstract String fileName();

	abstract Target target();

	abstract List<String> required();

	abstract List<String> optional();

	/** Resolves the positions of the columns once per file. */
	abstract void bind(Columns columns);

	/** Checks the current row and writes it after the line number; throws RowRejected. */
	abstract void stage(CopyRows out);

	/** Header rules beyond required columns. */
	void checkHeader(Columns columns) {
	}

	final void read(CsvReader reader) {
		this.reader = reader;
		this.record = null;
	}

	/**
	 * Checks a record pulled from a source instead of a file's row: its values by the
	 * positions of the columns bound.
	 */
	final void read(List<String> record) {
		this.record = record;
	}

	/** The trimmed value, or null when the column is absent or the value empty. */
	final String text(int index, String column) {
		if (index < 0) {
			return null;
		}
		String raw = record == null ? reader.get(index) : record.get(index);
		if (raw == null) {
			return null;
		}
		String value = raw.trim();
		if (value.isEmpty()) {
			return null;
		}
		if (value.indexOf('\0') >= 0) {
			throw new RowRejected(column, "contains a NUL character");
		}
		return value;
	}

	final String required(int index, String column) {
		String value = text(index, column);
		if (value == null) {
			throw new RowRejected(column, "missing value (required)");
		}
		return value;
	}

	static Integer integer(String value, String column) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			throw new RowRejected(column, "not a whole number: '" + Texts.shorten(value) + "'");
		}
	}

	static LocalDate date(String value, String column, LocalDate today) {
		LocalDate date;
		try {
			date = Temporals.date(value);
		}
		catch (IllegalArgumentException e) {
			throw new RowRejected(column, e.getMessage());
		}
		if (date.isBefore(EARLIEST)) {
			throw new RowRejected(column, "date " + date + " is before 2000: not plausible");
		}
		if (date.isAfter(today)) {
			throw new RowRejected(column, "date " + date + " is in the future");
		}
		return date;
	}

	static OffsetDateTime timestamp(String value, String column, OffsetDateTime now) {
		OffsetDateTime time;
		try {
			time = Temporals.timestamp(value);
		}
		catch (IllegalArgumentException e) {
			throw new RowRejected(column, e.getMessage());
		}
		if (Temporals.localDay(time).isBefore(EARLIEST)) {
			throw new RowRejected(column, "timestamp " + time + " is before 2000: not plausible");
		}
		if (time.isAfter(now)) {
			throw new RowRejected(column, "timestamp " + time + " is in the future");
		}
		return time;
	}

}
