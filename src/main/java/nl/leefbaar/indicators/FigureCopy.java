package nl.leefbaar.indicators;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import nl.leefbaar.domain.Level;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams figures into indicator_value with COPY in PostgreSQL's binary format, in chunks, so
 * that a month of hundreds of thousands of rows costs neither a statement per row nor the heap
 * to hold them. Binary because a backfill stores millions of rows: doubles go as their 8 bytes
 * instead of being printed by Java and parsed again by the server, and the few distinct key
 * strings are encoded once.
 */
final class FigureCopy implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    /** PGCOPY signature, flags and header extension length (PostgreSQL docs, COPY, Binary Format). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short COLUMNS = 11;
    private static final LocalDate POSTGRES_EPOCH = LocalDate.of(2000, 1, 1);

    private final Connection connection;
    private final int period;
    private final Map<String, byte[]> encoded = new HashMap<>();
    /** Level.code() lower-cases on every call; a month asks it hundreds of thousands of times. */
    private final Map<Level, byte[]> levels = new EnumMap<>(Level.class);
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK + 64 * 1024);
    private CopyIn copy;
    private long rows;
    private long copyNanos;
    private boolean closed;

    FigureCopy(Connection connection, YearMonth month) throws SQLException {
        this.connection = connection;
        this.period = (int) (month.atDay(1).toEpochDay() - POSTGRES_EPOCH.toEpochDay());
        buffer.put(HEADER);
    }

    void add(Figure f) {
        buffer.putShort(COLUMNS);
        buffer.putInt(4).putInt(period);
        bytes(levels.computeIfAbsent(f.level(), level -> level.code().getBytes(StandardCharsets.UTF_8)));
        text(f.unitId());
        text(f.category());
        text(f.indicator().code());
        number(f.value());
        number(f.numerator());
        number(f.denominator());
        number(f.ciLow());
        number(f.ciHigh());
        if (f.flag() == null) {
            buffer.putInt(-1);
        } else {
            text(f.flag());
        }
        rows++;
        if (buffer.position() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** Time spent handing rows to the server (debug timings): the rest of a month is Java. */
    long copyMillis() {
        return copyNanos / 1_000_000;
    }

    /** NaN is stored as null, as before (a missing figure); infinities as themselves. */
    private void number(Double value) {
        if (value == null || value.isNaN()) {
            buffer.putInt(-1);
        } else {
            buffer.putInt(8).putDouble(value);
        }
    }

    private void text(String value) {
        bytes(encoded.computeIfAbsent(value, v -> v.getBytes(StandardCharsets.UTF_8)));
    }

    private void bytes(byte[] bytes) {
        if (buffer.remaining() < bytes.length + 4) {
            flush();
        }
        if (bytes.length + 4 > buffer.remaining()) {
            throw new IllegalStateException("figure key too long for COPY: " + bytes.length + " bytes");
        }
        buffer.putInt(bytes.length).put(bytes);
    }

    /**
     * COPY starts with the first flush: while it runs the connection takes no other statement,
     * and the month's facts are read on that same connection before the first figure comes.
     */
    private void flush() {
        long started = System.nanoTime();
        try {
            if (copy == null) {
                copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy indicator_value (period, level, unit_id, category, indicator, value, numerator,
                                              denominator, ci_low, ci_high, flag) from stdin (format binary)""");
            }
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
            copyNanos += System.nanoTime() - started;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into indicator_value failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        buffer.putShort((short) -1);
        flush();
        long started = System.nanoTime();
        copy.endCopy();
        copyNanos += System.nanoTime() - started;
    }
}
