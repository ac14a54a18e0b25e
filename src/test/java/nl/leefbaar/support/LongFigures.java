package nl.leefbaar.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixtures write figures in indicator_value's long form (one row per unit, category and
 * indicator). Through the view's row trigger a million of them take minutes, so the big
 * fixtures write them into the temporary table {@link #CREATE} makes, and
 * {@link #storeSql} turns that table into unit_figure rows in one statement. Both must
 * run on the fixture's connection.
 */
public final class LongFigures {

	public static final String CREATE = """
			create temp table figure_long (period date, level text, unit_id text, category text, indicator text,
			    value float8, numerator float8, denominator float8, ci_low float8, ci_high float8, flag text)""";

	private LongFigures() {
	}

	/**
	 * One unit_figure row per unit and category of figure_long, each figure at its
	 * indicator's position.
	 */
	public static String storeSql(JdbcTemplate jdbc) {
		int slots = jdbc.queryForObject("select max(position) from indicator_slot", Integer.class);
		StringBuilder sql = new StringBuilder("""
				insert into unit_figure (period, level, unit_id, category, present,
				                         value, numerator, denominator, ci_low, ci_high, flag)
				select l.period, l.level, l.unit_id, l.category, sum(1 << (s.position - 1))::int""");
		for (String column : List.of("value", "numerator", "denominator", "ci_low", "ci_high", "flag")) {
			sql.append(",\n       array[");
			for (int position = 1; position <= slots; position++) {
				sql.append(position > 1 ? ", " : "")
					.append("max(l.")
					.append(column)
					.append(") filter (where s.position = ")
					.append(position)
					.append(')');
			}
			sql.append(']');
		}
		return sql.append("\nfrom figure_long l join indicator_slot s on s.indicator = l.indicator group by 1, 2, 3, 4")
			.toString();
	}

}
