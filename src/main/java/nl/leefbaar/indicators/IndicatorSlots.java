package nl.leefbaar.indicators;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The position of each indicator in the arrays of a unit_figure row (indicator_slot,
 * V1__baseline.sql), as the figures are written (FigureCopy) and read whole
 * (IndicatorExports).
 *
 * @param positions each indicator's position, from 1
 * @param slots the highest position: the length of the arrays
 */
record IndicatorSlots(Map<Indicator, Integer> positions, int slots) {

	static IndicatorSlots read(Connection connection) throws SQLException {
		Map<String, Integer> byCode = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(IndicatorSql.statement("figure-store", "indicator_slots"))) {
			while (rs.next()) {
				byCode.put(rs.getString(1), rs.getInt(2));
			}
		}
		Map<Indicator, Integer> positions = new EnumMap<>(Indicator.class);
		for (Indicator indicator : Indicator.values()) {
			Integer position = byCode.get(indicator.code());
			if (position == null) {
				throw new IllegalStateException("indicator_slot has no position for " + indicator.code());
			}
			positions.put(indicator, position);
		}
		return new IndicatorSlots(positions, byCode.values().stream().mapToInt(Integer::intValue).max().orElse(0));
	}

	int of(Indicator indicator) {
		return positions.get(indicator);
	}

}
