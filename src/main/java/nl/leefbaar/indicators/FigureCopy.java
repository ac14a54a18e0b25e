package nl.leefbaar.indicators;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import nl.leefbaar.domain.Level;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a month's figures into unit_figure (V1__baseline.sql) with COPY in PostgreSQL's
 * binary format: the figures of one unit and category, which {@link MonthFigures} gives
 * one after another, become one row whose arrays hold an element per indicator (its
 * position in indicator_slot). Binary because a backfill stores millions of rows: doubles
 * go as their 8 bytes instead of being printed by Java and parsed again by the server,
 * and the few distinct key strings are encoded once. Chunked, so that a month costs
 * neither a statement per row nor the heap to hold it.
 * <p>
 * Each thread that computes figures encodes them with its own {@link #writer()}; whole
 * chunks of rows go into the one COPY stream in any order (a table's rows have none).
 */
final class FigureCopy implements AutoCloseable {

	private static final int CHUNK = 1 << 20;

	/**
	 * PGCOPY signature, flags and header extension length (PostgreSQL docs, COPY, Binary
	 * Format).
	 */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final byte[] TRAILER = { -1, -1 };

	private static final short COLUMNS = 11;

	private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);

	/** Type oids of the array elements (pg_type): float8 and text. */
	private static final int FLOAT8 = 701;

	private static final int TEXT = 25;

	private final Connection connection;

	private final int period;

	private final Map<Indicator, Integer> positions;

	private final int slots;

	private final List<Writer> writers = new ArrayList<>();

	private CopyIn copy;

	private long copyNanos;

	private boolean closed;

	FigureCopy(Connection connection, YearMonth month) throws SQLException {
		this.connection = connection;
		this.period = (int) (month.atDay(1).toEpochDay() - POSTGRES_EPOCH.toEpochDay());
		IndicatorSlots indicatorSlots = IndicatorSlots.read(connection);
		this.positions = indicatorSlots.positions();
		this.slots = indicatorSlots.slots();
	}

	/**
	 * A new encoder for one thread's figures; what it holds at {@link #close()} is
	 * written then.
	 */
	synchronized Writer writer() {
		Writer writer = new Writer();
		writers.add(writer);
		return writer;
	}

	/**
	 * Time spent handing rows to the server (debug timings): the rest of a month is Java.
	 */
	long copyMillis() {
		return copyNanos / 1_000_000;
	}

	/**
	 * Whole rows into the COPY stream, which starts with the first chunk: while it runs
	 * the connection takes no other statement, and the month's facts are read on that
	 * same connection before the first figure comes.
	 */
	private synchronized void write(ByteBuffer rows) {
		long started = System.nanoTime();
		try {
			if (copy == null) {
				copy = connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(IndicatorSql.statement("figure-store", "copy_figures"));
				copy.writeToCopy(HEADER, 0, HEADER.length);
			}
			copy.writeToCopy(rows.array(), 0, rows.position());
			copyNanos += System.nanoTime() - started;
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY into unit_figure failed: " + e.getMessage(), e);
		}
	}

	@Override
	public synchronized void close() throws SQLException {
		if (closed) {
			return;
		}
		closed = true;
		for (Writer writer : writers) {
			writer.flush();
		}
		write(ByteBuffer.wrap(TRAILER).position(TRAILER.length));
		long started = System.nanoTime();
		copy.endCopy();
		copyNanos += System.nanoTime() - started;
	}

	/**
	 * Encodes one thread's figures into rows; the figures of one unit and category come
	 * one after another.
	 */
	final class Writer implements Consumer<Figure> {

		private final Map<String, byte[]> encoded = new HashMap<>();

		/**
		 * Level.code() lower-cases on every call; a month asks it hundreds of thousands
		 * of times.
		 */
		private final Map<Level, byte[]> levels = new EnumMap<>(Level.class);

		private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK + 64 * 1024);

		// The row being filled: the unit and category of the figures added since the
		// last row.
		private Level level;

		private String unitId;

		private String category;

		private int present;

		private final Double[][] numbers = new Double[5][slots];

		private final String[] flags = new String[slots];

		private Writer() {
		}

		@Override
		public void accept(Figure f) {
			if (f.level() != level || !f.unitId().equals(unitId) || !f.category().equals(category)) {
				endRow();
				level = f.level();
				unitId = f.unitId();
				category = f.category();
			}
			int p = positions.get(f.indicator()) - 1;
			if ((present & (1 << p)) != 0) {
				throw new IllegalStateException("figure given twice: " + f);
			}
			present |= 1 << p;
			numbers[0][p] = f.value();
			numbers[1][p] = f.numerator();
			numbers[2][p] = f.denominator();
			numbers[3][p] = f.ciLow();
			numbers[4][p] = f.ciHigh();
			flags[p] = f.flag();
		}

		private void endRow() {
			if (present == 0) {
				return;
			}
			byte[] levelCode = levels.computeIfAbsent(level, l -> l.code().getBytes(StandardCharsets.UTF_8));
			byte[] unit = encode(unitId);
			byte[] categoryCode = encode(category);
			// The widest this row can be: its key, five full float8 arrays and the flags.
			int needed = 64 + levelCode.length + unit.length + categoryCode.length + 5 * (24 + 12 * slots) + 24;
			for (String flag : flags) {
				needed += flag == null ? 4 : 4 + encode(flag).length;
			}
			if (needed > buffer.capacity()) {
				throw new IllegalStateException("figure key too long for COPY: " + unit.length + " bytes");
			}
			if (buffer.remaining() < needed) {
				writeBuffer();
			}
			buffer.putShort(COLUMNS);
			buffer.putInt(4).putInt(period);
			bytes(levelCode);
			bytes(unit);
			bytes(categoryCode);
			buffer.putInt(4).putInt(present);
			for (Double[] column : numbers) {
				doubles(column);
				Arrays.fill(column, null);
			}
			texts(flags);
			Arrays.fill(flags, null);
			present = 0;
			if (buffer.position() >= CHUNK) {
				writeBuffer();
			}
		}

		private void flush() {
			endRow();
			writeBuffer();
		}

		private void writeBuffer() {
			if (buffer.position() > 0) {
				write(buffer);
				buffer.clear();
			}
		}

		/**
		 * A float8[] in the binary array format (array_send): dimensions, null flag,
		 * element type, length and lower bound, then each element. Null as a whole when
		 * every element is missing; NaN is stored as null (a missing figure), infinities
		 * as themselves.
		 */
		private void doubles(Double[] values) {
			int count = 0;
			boolean nulls = false;
			for (Double value : values) {
				if (value == null || value.isNaN()) {
					nulls = true;
				}
				else {
					count++;
				}
			}
			if (count == 0) {
				buffer.putInt(-1);
				return;
			}
			int length = 20 + 4 * values.length + 8 * count;
			buffer.putInt(length).putInt(1).putInt(nulls ? 1 : 0).putInt(FLOAT8).putInt(values.length).putInt(1);
			for (Double value : values) {
				if (value == null || value.isNaN()) {
					buffer.putInt(-1);
				}
				else {
					buffer.putInt(8).putDouble(value);
				}
			}
		}

		private void texts(String[] values) {
			int length = 20;
			boolean any = false;
			for (String value : values) {
				length += 4 + (value == null ? 0 : encode(value).length);
				any |= value != null;
			}
			if (!any) {
				buffer.putInt(-1);
				return;
			}
			buffer.putInt(length).putInt(1).putInt(1).putInt(TEXT).putInt(values.length).putInt(1);
			for (String value : values) {
				if (value == null) {
					buffer.putInt(-1);
				}
				else {
					byte[] bytes = encode(value);
					buffer.putInt(bytes.length).put(bytes);
				}
			}
		}

		private byte[] encode(String value) {
			return encoded.computeIfAbsent(value, v -> v.getBytes(StandardCharsets.UTF_8));
		}

		private void bytes(byte[] bytes) {
			buffer.putInt(bytes.length).put(bytes);
		}

	}

}
