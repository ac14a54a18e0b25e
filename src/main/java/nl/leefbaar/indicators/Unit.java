package nl.leefbaar.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.leefbaar.domain.Level;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complex, a neighbourhood or the city, with its dwellings (the denominator of every
 * rate).
 */
record Unit(Level level, String id, String name, double dwellings) {

	/**
	 * Every unit, complexes first, then neighbourhoods, then the city, each sorted by id.
	 */
	static List<Unit> load(JdbcTemplate jdbc) {
		List<Unit> units = new ArrayList<>(jdbc.query(IndicatorSql.statement("units", "complexes"),
				(rs, i) -> new Unit(Level.COMPLEX, rs.getString(1), rs.getString(2), rs.getDouble(3))));
		Map<String, Unit> neighbourhoods = new LinkedHashMap<>();
		jdbc.query(IndicatorSql.statement("units", "neighbourhoods"), rs -> {
			neighbourhoods.put(rs.getString(1),
					new Unit(Level.NEIGHBOURHOOD, rs.getString(1), rs.getString(2), rs.getDouble(3)));
		});
		units.addAll(neighbourhoods.values());
		double city = units.stream().filter(u -> u.level() == Level.COMPLEX).mapToDouble(Unit::dwellings).sum();
		units.add(new Unit(Level.CITY, Level.CITY_UNIT, "city", city));
		return units;
	}
}
