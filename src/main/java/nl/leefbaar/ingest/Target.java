package nl.leefbaar.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A domain table and its UNLOGGED staging table (V1__baseline.sql; same columns plus the
 * source line number), with the set-based statements between them. Identifiers come from
 * this code only; values never enter the SQL text.
 */
record Target(String table, String staging, String key, List<String> columns) {

	String truncate() {
		return "truncate table " + staging;
	}

	String copy() {
		return "copy " + staging + " (line, " + key + ", " + String.join(", ", columns)
				+ ") from stdin (format binary)";
	}

	/** COPY straight into the domain table (bulk load into an empty table). */
	String copyDirect() {
		return "copy " + table + " (" + key + ", " + String.join(", ", columns) + ") from stdin (format binary)";
	}

	/**
	 * Whether the domain table holds an id twice (only while its primary key is dropped);
	 * among the given suspects only when {@code suspectsOnly} (parameter: text[]).
	 */
	String tableHasDuplicates(boolean suspectsOnly) {
		return hasDuplicates(table, suspectsOnly);
	}

	/** Whether the staging table holds an id twice; as {@link #tableHasDuplicates}. */
	String stagingHasDuplicates(boolean suspectsOnly) {
		return hasDuplicates(staging, suspectsOnly);
	}

	private String hasDuplicates(String relation, boolean suspectsOnly) {
		return "select exists (select 1 from " + relation + (suspectsOnly ? " where " + key + " = any(?)" : "")
				+ " group by " + key + " having count(*) > 1)";
	}

	/** The temporary table of {@link #changes()}. */
	String changesTable() {
		return "changed_" + table;
	}

	/**
	 * The staged rows that are new or differ from the stored row, into a temporary table
	 * (one join of the two tables, which may run in parallel; nothing is written for
	 * unchanged rows, not even a row lock).
	 */
	String changes() {
		return "create temporary table " + changesTable() + " on commit drop as select s.* from " + staging
				+ " s left join " + table + " t on t." + key + " = s." + key + " where t." + key + " is null or "
				+ row("t") + " is distinct from " + row("s");
	}

	/**
	 * Ids with more than one row; among the given suspects only when {@code suspectsOnly}
	 * (parameter: text[]).
	 */
	private String duplicatedIds(boolean suspectsOnly, String columns) {
		return "select " + columns + " from " + staging + (suspectsOnly ? " where " + key + " = any(?)" : "")
				+ " group by " + key + " having count(*) > 1";
	}

	/** Later rows of an id that differ from its first row: (line, first line, id). */
	String conflictingDuplicates(boolean suspectsOnly) {
		return "with firsts as (select distinct on (" + key + ") * from " + staging + " where " + key + " in ("
				+ duplicatedIds(suspectsOnly, key) + ")" + " order by " + key + ", line)"
				+ " select s.line, f.line as first_line, s." + key + " as id from " + staging + " s join firsts f on s."
				+ key + " = f." + key + " where s.line > f.line and " + row("s") + " is distinct from " + row("f");
	}

	/** Keeps only the first row of every id. */
	String deleteLaterDuplicates(boolean suspectsOnly) {
		return "delete from " + staging + " s using (" + duplicatedIds(suspectsOnly, key + ", min(line) as first_line")
				+ ") d where s." + key + " = d." + key + " and s.line > d.first_line";
	}

	/**
	 * Inserts the new ids of {@link #changes()}, updates the ids whose row differs and
	 * leaves equal rows alone; returns the numbers of new and changed rows
	 * ({@code xmax = 0} marks a row this statement inserted).
	 */
	String upsert() {
		String all = key + ", " + String.join(", ", columns);
		return "with upserted as (insert into " + table + " as t (" + all + ") select " + all + " from "
				+ changesTable() + " on conflict (" + key + ") do update set "
				+ columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", ")) + " where "
				+ row("t") + " is distinct from " + row("excluded") + " returning (xmax = 0) as inserted)"
				+ " select count(*) filter (where inserted) as new_rows, count(*) filter (where not inserted) as changed_rows"
				+ " from upserted";
	}

	private String row(String alias) {
		return "(" + columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", ")) + ")";
	}
}
