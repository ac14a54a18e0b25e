package nl.leefbaar.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams figures into indicator_value with COPY (text format), in chunks, so that a month of
 * hundreds of thousands of rows costs neither a statement per row nor the heap to hold them.
 */
final class FigureCopy implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    private final Connection connection;
    private final String period;
    private CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long rows;
    private long copyNanos;
    private boolean closed;

    FigureCopy(Connection connection, YearMonth month) throws SQLException {
        this.connection = connection;
        this.period = month.atDay(1).toString();
    }

    void add(Figure f) {
        buffer.append(period).append('\t').append(f.level().code()).append('\t');
        text(f.unitId());
        buffer.append('\t');
        text(f.category());
        buffer.append('\t').append(f.indicator().code()).append('\t');
        number(f.value());
        number(f.numerator());
        number(f.denominator());
        number(f.ciLow());
        number(f.ciHigh());
        if (f.flag() == null) {
            buffer.append("\\N");
        } else {
            text(f.flag());
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK) {
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

    private void number(Double value) {
        if (value == null || value.isNaN()) {
            buffer.append("\\N");
        } else {
            buffer.append(value.isInfinite() ? (value > 0 ? "Infinity" : "-Infinity") : Double.toString(value));
        }
        buffer.append('\t');
    }

    private void text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
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
                                              denominator, ci_low, ci_high, flag) from stdin""");
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
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
        flush();
        long started = System.nanoTime();
        copy.endCopy();
        copyNanos += System.nanoTime() - started;
    }
}
