package nl.leefbaar.indicators;

import java.sql.Connection;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import nl.leefbaar.domain.Category;
import nl.leefbaar.system.LeefbaarProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The set-based part of a computation: for a run of consecutive months [from, to] it
 * reads the reports once and leaves the summable facts per unit, category and month in
 * temporary tables that live until the transaction ends. Java then only does statistics
 * on these aggregates.
 * <p>
 * The 12-month figures of {@code from} need the 11 months before it. When their facts are
 * stored and current ({@code complex_month_fact}, see {@link #build}), the reports are
 * counted from {@code from} on; otherwise from the start of the 12-month window. Of the W
 * days before the counted months only the latest report time per complex, dwelling and
 * category is read (for the first repeats), and of the hotspot window's days before them
 * only the counts. Either way the run stores its own months' facts for the runs after it.
 * <p>
 * The handling facts and the dwellings' latest report times are built on other sessions
 * that share the run's snapshot ({@link SnapshotSession}), beside the report pass: the
 * closings (and, for one month after a stored one, what its 12-month sums take from the
 * store) and the latest times are copied into the run's session; the percentiles are read
 * where they were built. Use it in try-with-resources: {@link #close()} ends those
 * sessions.
 * <p>
 * Counts are added up as int ({@code sum(x::int)}, a bigint): over bigint, PostgreSQL's
 * sum accumulates in 128 bits and converts every result through numeric, which made the
 * 12-month sums of one month at 10M about 40 % slower. One row's count always fits an
 * int.
 * <p>
 * Must run inside a REPEATABLE READ transaction (the temporary tables are
 * {@code on commit drop}, every statement must see the same connection, and the other
 * sessions the same snapshot).
 */
final class FactTables implements AutoCloseable {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FactTables.class);

	private long lap = System.nanoTime();

	private void lap(String step) {
		long now = System.nanoTime();
		log.debug("{}: {} ms", step, (now - lap) / 1_000_000);
		lap = now;
	}

	/**
	 * Runs of up to this many months sum their 12-month windows by a join, longer ones by
	 * a sliding window.
	 */
	static final int SHORT_RUN_MONTHS = 3;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final LeefbaarProperties.Indicators settings;

	/**
	 * The sessions that build the handling tables beside this one: the closings', then
	 * the percentiles'.
	 */
	private final List<Other> others = new ArrayList<>();

	/** The session that builds ind_last_d beside the report pass, until it is copied. */
	private SnapshotSession lastDwellingSession;

	/** Whether the run built is one month (see {@link #store}). */
	private boolean oneMonth;

	FactTables(JdbcTemplate jdbc, DataSource dataSource, LeefbaarProperties.Indicators settings) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/**
	 * @param storedBefore whether complex_month_fact holds the current facts of the 11
	 * months before {@code from} (the caller knows their fingerprints); then the count of
	 * overdue reports at the end of the month before {@code from} comes from there too,
	 * otherwise from the reports open then
	 * @param sumsStoredBefore whether, besides, the month 12 before {@code from} is
	 * current, so that one month can start from the stored 12-month sums of the month
	 * before it instead of adding up its 11 predecessors
	 * @param firstMonth the month of the first report (null without reports): the months
	 * before it have no facts
	 */
	void build(YearMonth from, YearMonth to, boolean storedBefore, boolean sumsStoredBefore, YearMonth firstMonth) {
		oneMonth = from.equals(to);
		boolean afterStoredMonth = oneMonth && storedBefore && sumsStoredBefore;
		int w = settings.repeatWindowDays();
		int hotDays = settings.hotspotWindowDays();
		YearMonth from12 = from.minusMonths(11);
		Date from12Day = day(from12.atDay(1));
		// The first month counted from the reports; the months before it come from the
		// store.
		YearMonth counted = storedBefore ? from : from12;
		Date countedDay = day(counted.atDay(1));
		Date lowDay = day(min(counted.atDay(1), from.atEndOfMonth().minusDays(hotDays - 1L)));
		// Repeats look W days before the first counted month (two days more: W * 86400 s
		// before a
		// local day can fall on the local day before it).
		Date lookbackDay = day(counted.atDay(1).minusDays(w + 2L));
		Date toDay = day(to.atEndOfMonth());
		Date fromDay = day(from.atDay(1));
		double windowSeconds = w * 86400.0;

		runTables(jdbc, fromDay, day(to.atDay(1)));
		lap("ind_months");

		// The latest report time per dwelling and category before the counted months (see
		// the
		// report pass below) is built on a session of its own while this one scans for
		// ind_back,
		// and copied here (a few thousand rows): every later step of this session waits
		// for the
		// report pass, while the closings' session has time to spare. One month at 10M
		// took
		// 0.4 s less on average (6 alternating pairs of runs of two months), though for a
		// while
		// three sessions share two cores.
		lastDwellingSession = SnapshotSession.sharingSnapshotOf(jdbc, dataSource);
		Table lastDwelling = new Table("ind_last_d", Use.COPIED,
				"""
						select complex_id collate "C" as complex_id, category collate "C" as category,
						       dwelling_ref collate "C" as dwelling_ref, max(reported_at) as last_at
						from report
						where reported_day >= ? and reported_day < ? and dwelling_ref is not null
						  and (complex_id, category, dwelling_ref) in (select complex_id, category, dwelling_ref from report
						                                             where reported_day between ? and ? and dwelling_ref is not null)
						group by 1, 2, 3
						""",
				lookbackDay, countedDay, countedDay, toDay);
		Other lastDwellings = new Other(lastDwellingSession, List.of(lastDwelling),
				lastDwellingSession.submit(other -> buildTable(other, lastDwelling)));

		// Handling (closings, open_overdue, percentiles) needs nothing of the report pass
		// below:
		// another session builds it meanwhile, on the other core. The percentiles start
		// on a
		// third when the closings are done (three sessions at once on two cores slowed
		// this
		// one's report pass, which must wait for the closings anyway); only the figures
		// need
		// them, so they are built while this session sums and stores (see
		// awaitPercentiles).
		List<List<Table>> handling = handlingTables(from, to, storedBefore, countedDay, afterStoredMonth);
		for (List<Table> tables : handling) {
			SnapshotSession session = SnapshotSession.sharingSnapshotOf(jdbc, dataSource);
			Future<Void> before = others.isEmpty() ? null : others.get(others.size() - 1).built();
			others.add(new Other(session, tables, session.submit(other -> {
				if (before != null) {
					SnapshotSession.await(before);
				}
				runTables(other, fromDay, day(to.atDay(1)));
				tables.forEach(table -> buildTable(other, table));
			})));
		}

		// The repeat flags of a counted report need its predecessor, by (reported_at,
		// report_id), in its complex and category and in its dwelling and category (if
		// any
		// earlier report is within W, so is the latest). The first counted report of each
		// has it before the counted months: there only the latest time matters, per
		// complex
		// and category, and per dwelling and category for the dwellings with counted
		// reports
		// (a few thousand of the 700,000 in a month's look-back at 10M). So the sorts for
		// lag() hold the counted reports alone (a month's, not the three before it as
		// well).
		// One scan of the days before the counted months gives both the latest time per
		// complex and category and the counts of the hotspot window's days before them
		// (ind_back, a row per month and hot_until for those days, one without for the
		// days
		// before; two scans took 0.55 s more at 10M). Reading from before lookbackDay is
		// harmless: an earlier latest time is more than W before every counted report.
		String hotUntil = "(date_trunc('month', (reported_day + %d)::timestamp) - interval '1 month')::date"
			.formatted(hotDays);
		jdbc.update("""
				create temp table ind_back on commit drop as
				select complex_id collate "C" as complex_id, category collate "C" as category,
				       case when reported_day >= ? then date_trunc('month', reported_day::timestamp)::date end as month,
				       case when reported_day >= ? then %s end as hot_until,
				       count(*) as reports, max(reported_at) as last_at
				from report
				where reported_day >= ? and reported_day < ?
				group by 1, 2, 3, 4
				""".formatted(hotUntil), lowDay, lowDay, lookbackDay.before(lowDay) ? lookbackDay : lowDay, countedDay);
		jdbc.execute("analyze ind_back");
		lap("ind_back");
		copyBack(lastDwellings);
		lastDwellingSession = null;
		lap("ind_last_d copied");
		// The counted reports grouped per complex, category, month and the last month
		// whose
		// hotspot window still holds them; below them, the reports of the hotspot window
		// before the counted months (ind_back), which are only counted (their repeat
		// flags
		// are not used). A dwelling's first counted report takes its predecessor from
		// ind_last_d on the way in (a small table); a complex's first (its lag() is null)
		// is
		// compared with the latest time in ind_back in the group that holds it, after
		// grouping
		// (joining every report to it took longer than the sorts for lag()).
		// Keys are compared in the "C" collation here and in every table below: the
		// database's
		// C.UTF-8 sorts text through strcoll without abbreviated keys, several times
		// slower, and
		// for valid UTF-8 both give the same order (code points), so ties in report_id
		// and
		// complex_id order as before.
		jdbc.update(
				"""
						create temp table ind_grp on commit drop as
						with flagged as (
						    select r.complex_id collate "C" as complex_id, r.category collate "C" as category, r.dwelling_ref,
						           r.reported_day, r.reported_at, r.follow_up,
						           r.reported_at - lag(r.reported_at) over (partition by r.complex_id collate "C", r.category collate "C"
						                                                    order by r.reported_at, r.report_id collate "C") as gap_c,
						           r.reported_at - coalesce(lag(r.reported_at) over (partition by r.complex_id collate "C",
						                                                                          r.dwelling_ref collate "C", r.category collate "C"
						                                                             order by r.reported_at, r.report_id collate "C"),
						                                    d.last_at) as gap_d
						    from report r
						    left join ind_last_d d on d.complex_id = r.complex_id collate "C" and d.category = r.category collate "C"
						                          and d.dwelling_ref = r.dwelling_ref collate "C"
						    where r.reported_day between ? and ?),
						grouped as (
						    select complex_id, category, date_trunc('month', reported_day::timestamp)::date as month, %s as hot_until,
						           count(*) as reports,
						           count(*) filter (where gap_c <= make_interval(secs => ?)) as repeats,
						           min(reported_at) filter (where gap_c is null) as first_at,
						           count(dwelling_ref) as dw_reports,
						           count(*) filter (where dwelling_ref is not null and gap_d <= make_interval(secs => ?)) as dw_repeats,
						           count(*) filter (where coalesce(lower(btrim(follow_up)), '') not in ('', 'none')) as follow_ups,
						           max(reported_at) as last_at
						    from flagged
						    group by 1, 2, 3, 4)
						select g.complex_id, g.category, g.month, g.hot_until, g.reports,
						       g.repeats + coalesce((g.first_at - c.last_at <= make_interval(secs => ?))::int, 0) as repeats,
						       g.dw_reports, g.dw_repeats, g.follow_ups, g.last_at
						from grouped g
						left join (select complex_id, category, max(last_at) as last_at from ind_back group by 1, 2) c
						       on c.complex_id = g.complex_id and c.category = g.category
						union all
						select complex_id, category, month, hot_until, reports, 0, 0, 0, 0, last_at
						from ind_back where month is not null
						"""
					.formatted(hotUntil),
				countedDay, toDay, windowSeconds, windowSeconds, windowSeconds);
		jdbc.execute("analyze ind_grp");
		lap("ind_grp");

		jdbc.execute("""
				create temp table ind_hot on commit drop as
				select g.complex_id, g.category, m.month, sum(g.reports::int) as hot_n, max(g.last_at) as hot_last
				from ind_grp g join ind_months m on m.month between g.month and g.hot_until
				group by 1, 2, 3
				""");
		jdbc.execute("analyze ind_hot");
		lap("ind_hot");

		copyBack(others.get(0));
		lap("closings copied");

		// The 12-month sums: one month after a stored month (a monthly job) updates the
		// sums of the
		// month before; another short run adds up the facts that fall in each of its
		// months'
		// windows; a long run (a backfill) slides a window over the dense complex x
		// category x
		// month grid instead of joining every fact to twelve months.
		if (afterStoredMonth) {
			sumsFromTheMonthBefore(from);
		}
		else if (from.until(to, java.time.temporal.ChronoUnit.MONTHS) < SHORT_RUN_MONTHS) {
			sumsByWindowJoin(countedDay, from12Day);
		}
		else {
			// The grid starts where the data do: a backfill's 11 months before its first
			// are empty
			// (1.5 M of its 6.6 M rows at 10M).
			YearMonth dataFrom = firstMonth == null || firstMonth.isAfter(from) ? from : firstMonth;
			sumsBySlidingWindow(countedDay, from12Day, day((dataFrom.isAfter(from12) ? dataFrom : from12).atDay(1)),
					day(to.atDay(1)), fromDay);
		}
		jdbc.execute("analyze ind_cc");
		lap("ind_cc");

		// The coarser units' facts (UNIT_FACTS reads the complex x category rows from
		// ind_cc
		// itself): the neighbourhoods' grouping sets start from neighbourhood x category
		// sums
		// (hashed: sorting the complex rows for the grouping sets took twice as long).
		String sums = """
				reports, repeats, dw_reports, dw_repeats, follow_ups, reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m,
				closed, within, closed_12m, within_12m, overdue""";
		String summed = Arrays.stream(sums.split(","))
			.map(String::strip)
			.map(c -> "sum(" + c + "::int) as " + c)
			.collect(Collectors.joining(", "));
		jdbc.update(
				"""
						create temp table ind_unit on commit drop as
						select month, 'complex' as level, complex_id as unit_id, 'all' as category, %2$s,
						       count(*) filter (where hot_n >= ?) as hotspots
						from ind_cc group by month, complex_id
						union all
						select month, case when grouping(neighbourhood_code) = 0 then 'neighbourhood' else 'city' end,
						       coalesce(neighbourhood_code, 'city'), coalesce(category, 'all'), %2$s, sum(hotspots::int)
						from (select month, neighbourhood_code, category, %2$s, count(*) filter (where hot_n >= ?) as hotspots
						      from ind_cc group by 1, 2, 3) n
						group by grouping sets ((month, neighbourhood_code, category), (month, neighbourhood_code), (month, category), (month))
						"""
					.formatted(sums, summed),
				settings.hotspotMinReports(), settings.hotspotMinReports());
		jdbc.execute("analyze ind_unit");
		lap("ind_unit");
		// Read month by month (UNIT_FACTS): without the indexes each month scans every
		// month's rows.
		jdbc.execute("create index on ind_unit (month)");
		if (!oneMonth) {
			jdbc.execute("create index on ind_cc (month)");
		}

		// The top ceil(10 %) of a unit's complexes by 12-month reports, complexes without
		// reports
		// included, ties by complex_id.
		jdbc.execute(
				"""
						create temp table ind_conc on commit drop as
						with c as (
						    select month, complex_id, neighbourhood_code, sum(reports_12m)::bigint as r
						    from ind_cc group by 1, 2, 3),
						ranked as (
						    select c.*,
						           row_number() over (partition by month, neighbourhood_code order by r desc, complex_id) as rn_n,
						           count(*) over (partition by month, neighbourhood_code) as n_n,
						           row_number() over (partition by month order by r desc, complex_id) as rn_c,
						           count(*) over (partition by month) as n_c
						    from c)
						select month, 'neighbourhood' as level, neighbourhood_code as unit_id,
						       coalesce(sum(r) filter (where rn_n <= ceil(0.1 * n_n)), 0) as top, sum(r)::bigint as total
						from ranked group by month, neighbourhood_code
						union all
						select month, 'city', 'city',
						       coalesce(sum(r) filter (where rn_c <= ceil(0.1 * n_c)), 0), sum(r)::bigint
						from ranked group by month
						""");
		jdbc.execute("analyze ind_conc");
		lap("ind_conc");

		// Neighbourhood-wide activities count for the neighbourhood and the city, not for
		// complexes.
		jdbc.update("""
				create temp table ind_act on commit drop as
				with a as (
				    select date_trunc('month', a.date::timestamp)::date as month, a.complex_id,
				           coalesce(a.neighbourhood_code, c.neighbourhood_code) as neighbourhood_code,
				           count(*) as n, coalesce(sum(a.participants), 0) as p
				    from activity a left join complex c on c.complex_id = a.complex_id
				    where a.date between ? and ?
				    group by 1, 2, 3)
				select m.month,
				       case when grouping(a.complex_id) = 0 then 'complex'
				            when grouping(a.neighbourhood_code) = 0 then 'neighbourhood' else 'city' end as level,
				       coalesce(a.complex_id, a.neighbourhood_code, 'city') as unit_id,
				       coalesce(sum(a.n) filter (where a.month = m.month), 0) as activities,
				       coalesce(sum(a.p) filter (where a.month = m.month), 0) as participants,
				       sum(a.p)::bigint as participants_12m
				from ind_months m
				join a on a.month between (m.month - interval '11 months')::date and m.month
				group by grouping sets ((m.month, a.complex_id), (m.month, a.neighbourhood_code), (m.month))
				having not (grouping(a.complex_id) = 0 and a.complex_id is null)
				""", from12Day, toDay);
		jdbc.execute("analyze ind_act");
		lap("ind_act");
	}

	/**
	 * Waits for the percentiles of days to close (ind_pct), which another session builds
	 * while this one sums and stores, and gives that session, to read them month by month
	 * beside this one (copying them here and reading them back took 0.5 s of a month at
	 * 10M). It stays open until {@link #close()}; it read only report and complex, which
	 * the run does not lock.
	 */
	JdbcTemplate awaitPercentiles() {
		Other other = others.get(1);
		SnapshotSession.await(other.built());
		lap("percentiles waited for");
		return other.session().jdbc();
	}

	/** Ends the other sessions (after a failure, stopping what they still do). */
	@Override
	public void close() {
		if (lastDwellingSession != null) {
			lastDwellingSession.close();
		}
		others.forEach(other -> other.session().close());
		others.clear();
	}

	/** One of the run's tables, built on another session. */
	private static void buildTable(JdbcTemplate session, Table table) {
		long started = System.nanoTime();
		session.update("create temp table " + table.name() + " on commit drop as " + table.query(), table.args());
		session.execute("analyze " + table.name());
		if (table.use() == Use.READ_THERE) {
			session.execute("create index on " + table.name() + " (month)");
		}
		log.debug("{}: {} ms (other session)", table.name(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Waits for another session's tables, copies them into this session and ends the
	 * other one: its transaction holds locks on what it read (complex_month_fact among
	 * them), which the replacement of the run's months must take exclusively.
	 */
	private void copyBack(Other other) {
		SnapshotSession.await(other.built());
		Connection run = DataSourceUtils.getConnection(dataSource);
		for (Table table : other.tables().stream().filter(t -> t.use() == Use.COPIED).toList()) {
			jdbc.execute("create temp table %s (%s) on commit drop".formatted(table.name(),
					other.session().columnsOf(table.name())));
			other.session().copyTo(run, table.name());
			jdbc.execute("analyze " + table.name());
		}
		other.session().close();
	}

	/** A session that builds some of the run's tables on the run's snapshot. */
	private record Other(SnapshotSession session, List<Table> tables, Future<Void> built) {
	}

	/** The run's settings and months, on either session. */
	private void runTables(JdbcTemplate session, Date fromDay, Date toMonth) {
		// The sorts below hold a few hundred thousand aggregates; the default spills them
		// to disk.
		// (A backfill's spill at this size too; 1 GB took the same time at 10M, as its
		// report
		// pass then sorted in memory on one core instead of on two with temporary files.)
		session.execute("set local work_mem = '256MB'");
		session.execute(
				"drop table if exists ind_target, ind_months, ind_back, ind_last_d, ind_grp, ind_closed, ind_pct, ind_over_delta, ind_base, ind_hot, ind_cc, ind_unit, ind_conc, ind_act");
		session.execute(
				"create temp table ind_target (category text primary key, target interval not null) on commit drop");
		session.batchUpdate("insert into ind_target values (?, make_interval(secs => ? * 86400))",
				Category.codes()
					.stream()
					.map(code -> new Object[] { code, settings.targetDays(Category.fromCode(code).orElseThrow()) })
					.toList());
		session.execute("create temp table ind_months (month date primary key) on commit drop");
		session.update("""
				insert into ind_months
				select m::date from generate_series(?::timestamp, ?::timestamp, interval '1 month') m
				""", fromDay, toMonth);
		// Unanalyzed, both count as 1,200 rows: the complex x category x month grid would
		// look like
		// a hundred million rows, and its joins became sort-merge joins instead of hash
		// joins.
		session.execute("analyze ind_target");
		session.execute("analyze ind_months");
	}

	/** A temporary table built from a query, the same on either session. */
	private record Table(String name, Use use, String query, Object... args) {
	}

	/** What the run does with a table another session built. */
	private enum Use {

		/** copied into the run's session */
		COPIED,
		/** only feeds other tables of its session */
		FEEDS,
		/** read month by month from its own session, indexed by month */
		READ_THERE

	}

	/**
	 * The handling facts of the run's months, one list per session: closings and the
	 * monthly changes of open_overdue (which need the closings), for one month after a
	 * stored one also ind_base; then the percentiles of days to close. They read the
	 * reports closed in the months (and the reports that became overdue in them), not the
	 * run's report pass. In a backfill each of the two lists takes about as long as the
	 * report pass.
	 */
	private List<List<Table>> handlingTables(YearMonth from, YearMonth to, boolean storedBefore, Date countedDay,
			boolean afterStoredMonth) {
		Date fromDay = day(from.atDay(1));
		// The end of the run's last month. A constant, not the largest end in ind_months:
		// the
		// planner then estimates the closings of a backfill as millions of rows and reads
		// the
		// table instead of 9 M index entries (at 10M the closings took 39 s instead of 52
		// s, the
		// percentiles 50 s instead of 77 s).
		Date afterTo = day(to.plusMonths(1).atDay(1));
		// Closings per month; closed_overdue counts those that were overdue at the end of
		// the
		// month before (open then, and older than their target), for open_overdue.
		Table closings = new Table("ind_closed", afterStoredMonth ? Use.FEEDS : Use.COPIED,
				"""
						select r.complex_id collate "C" as complex_id, r.category collate "C" as category,
						       date_trunc('month', r.closed_at at time zone 'Europe/Amsterdam')::date as month,
						       count(*) as closed,
						       count(*) filter (where r.closed_at <= %1$s) as within,
						       count(*) filter (where %1$s < date_trunc('month', r.closed_at, 'Europe/Amsterdam')) as closed_overdue
						from report r left join ind_target t on t.category = r.category
						where r.closed_at >= (?::timestamp at time zone 'Europe/Amsterdam')
						  and r.closed_at < (?::timestamp at time zone 'Europe/Amsterdam')
						group by 1, 2, 3
						"""
					.formatted(overdueAt()),
				countedDay, afterTo);
		// Percentiles do not add up, so they are computed at every level directly (R-7 is
		// percentile_cont's rule).
		Table percentiles = new Table("ind_pct", Use.READ_THERE,
				"""
						select month,
						       case when grouping(complex_id) = 0 then 'complex'
						            when grouping(neighbourhood_code) = 0 then 'neighbourhood' else 'city' end as level,
						       coalesce(complex_id, neighbourhood_code, 'city') as unit_id,
						       coalesce(category, 'all') as category,
						       percentile_cont(0.5) within group (order by days) as median,
						       percentile_cont(0.9) within group (order by days) as p90
						from (select c.neighbourhood_code collate "C" as neighbourhood_code, r.complex_id collate "C" as complex_id,
						             r.category collate "C" as category,
						             date_trunc('month', r.closed_at at time zone 'Europe/Amsterdam')::date as month,
						             date_part('epoch', r.closed_at - r.reported_at) / 86400.0 as days
						      from report r join complex c on c.complex_id = r.complex_id
						      where r.closed_at >= (?::timestamp at time zone 'Europe/Amsterdam')
						        and r.closed_at < (?::timestamp at time zone 'Europe/Amsterdam')) x
						group by grouping sets ((month, complex_id, category), (month, complex_id),
						                        (month, neighbourhood_code, category), (month, neighbourhood_code),
						                        (month, category), (month))
						""",
				fromDay, afterTo);
		// A report is overdue at the end of every month from the one in which it becomes
		// older than its target (overdueAt) to the one before its closing. So
		// open_overdue(m) is open_overdue(m - 1), plus the reports that became overdue in
		// m
		// and are still open at its end, less the reports closed in m that were overdue
		// before (ind_closed). Kept as these changes per month (the first also holding
		// the
		// count at the end of the month before the run), which ind_cc adds up: a month
		// never reads the reports that have been open for long.
		// The base query's arguments are all the run's first day, two or four of them.
		List<Object> overdueArgs = new ArrayList<>(Collections.nCopies(storedBefore ? 2 : 4, fromDay));
		overdueArgs.addAll(List.of(day(from.atDay(1).minusDays(maxTargetDays() + 2L)), day(to.atEndOfMonth()), fromDay,
				day(to.plusMonths(1).atDay(1)), fromDay));
		Table overdue = new Table("ind_over_delta", afterStoredMonth ? Use.FEEDS : Use.COPIED,
				"""
						select complex_id, category, month, sum(n)::bigint as delta
						from (%1$s
						      union all
						      select r.complex_id collate "C", r.category collate "C",
						             date_trunc('month', %2$s at time zone 'Europe/Amsterdam')::date, count(*)
						      from report r left join ind_target t on t.category = r.category
						      where r.reported_day between ? and ?
						        and %2$s >= (?::timestamp at time zone 'Europe/Amsterdam')
						        and %2$s < (?::timestamp at time zone 'Europe/Amsterdam')
						        and (r.closed_at is null
						             or date_trunc('month', r.closed_at, 'Europe/Amsterdam') > date_trunc('month', %2$s, 'Europe/Amsterdam'))
						      group by 1, 2, 3
						      union all
						      select complex_id, category, month, -closed_overdue from ind_closed
						      where month >= ? and closed_overdue > 0) d
						group by 1, 2, 3
						having sum(n) <> 0
						"""
					.formatted(storedBefore ? OVERDUE_STORED : OVERDUE_COUNTED.formatted(overdueAt()), overdueAt()),
				overdueArgs.toArray());
		if (!afterStoredMonth) {
			return List.of(List.of(closings, overdue), List.of(percentiles));
		}
		// One month after a stored one (sumsFromTheMonthBefore): what its 12-month sums
		// take from
		// the store and from the closings, added up here per complex and category, so
		// that the
		// run's session joins one table instead of four.
		Table base = new Table("ind_base", Use.COPIED,
				"""
						select complex_id, category, sum(closed::int) as closed, sum(within::int) as within,
						       sum(overdue::int) as overdue, sum(reports_12m::int) as reports_12m, sum(repeats_12m::int) as repeats_12m,
						       sum(dw_reports_12m::int) as dw_reports_12m, sum(dw_repeats_12m::int) as dw_repeats_12m,
						       sum(closed_12m::int) as closed_12m, sum(within_12m::int) as within_12m
						from (select complex_id, category, closed, within, 0::bigint as overdue, 0::bigint as reports_12m,
						             0::bigint as repeats_12m, 0::bigint as dw_reports_12m, 0::bigint as dw_repeats_12m,
						             closed as closed_12m, within as within_12m
						      from ind_closed
						      union all
						      select complex_id, category, 0, 0, delta, 0, 0, 0, 0, 0, 0 from ind_over_delta
						      union all
						      select complex_id collate "C", category collate "C", 0, 0, 0, reports_12m, repeats_12m, dw_reports_12m,
						             dw_repeats_12m, closed_12m, within_12m
						      from complex_month_fact where period = ?
						      union all
						      select complex_id collate "C", category collate "C", 0, 0, 0, -reports, -repeats, -dw_reports, -dw_repeats,
						             -closed, -within
						      from complex_month_fact where period = ?) x
						group by 1, 2
						""",
				day(from.minusMonths(1).atDay(1)), day(from.minusMonths(12).atDay(1)));
		return List.of(List.of(closings, overdue, base), List.of(percentiles));
	}

	/**
	 * Every complex, category and month from gridFrom (from12, or the first month with
	 * data if that is later) to the run's last, with its month's facts and a window of 12
	 * over them.
	 */
	private void sumsBySlidingWindow(Date countedDay, Date from12Day, Date gridFrom, Date toMonth, Date fromDay) {
		jdbc.update(
				"""
						create temp table ind_cc on commit drop as
						with g as (
						    select complex_id, category, month, sum(reports::int) as reports, sum(repeats::int) as repeats,
						           sum(dw_reports::int) as dw_reports, sum(dw_repeats::int) as dw_repeats, sum(follow_ups::int) as follow_ups
						    from ind_grp where month >= ? group by 1, 2, 3),
						stored as (
						    select complex_id collate "C" as complex_id, category collate "C" as category, period as month,
						           reports, repeats, dw_reports, dw_repeats, 0::bigint as follow_ups, closed, within
						    from complex_month_fact where period >= ? and period < ?),
						grid as (
						    select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
						           t.category collate "C" as category, mo::date as month
						    from complex c cross join ind_target t
						    cross join generate_series(?::timestamp, ?::timestamp, interval '1 month') mo),
						d as (
						    select grid.*, coalesce(g.reports, s.reports, 0) as reports, coalesce(g.repeats, s.repeats, 0) as repeats,
						           coalesce(g.dw_reports, s.dw_reports, 0) as dw_reports, coalesce(g.dw_repeats, s.dw_repeats, 0) as dw_repeats,
						           coalesce(g.follow_ups, s.follow_ups, 0) as follow_ups,
						           coalesce(cl.closed, s.closed, 0) as closed, coalesce(cl.within, s.within, 0) as within,
						           coalesce(od.delta, 0) as over_delta
						    from grid
						    left join g using (complex_id, category, month)
						    left join ind_closed cl using (complex_id, category, month)
						    left join stored s using (complex_id, category, month)
						    left join ind_over_delta od using (complex_id, category, month)),
						w as (
						    select d.*, sum(reports::int) over w12 as reports_12m, sum(repeats::int) over w12 as repeats_12m,
						           sum(dw_reports::int) over w12 as dw_reports_12m, sum(dw_repeats::int) over w12 as dw_repeats_12m,
						           sum(closed::int) over w12 as closed_12m, sum(within::int) over w12 as within_12m,
						           sum(over_delta::int) over (partition by complex_id, category order by month
						                                      rows between unbounded preceding and current row) as overdue
						    from d
						    window w12 as (partition by complex_id, category order by month rows between 11 preceding and current row))
						select w.*, coalesce(h.hot_n, 0) as hot_n, h.hot_last
						from w
						left join ind_hot h using (complex_id, category, month)
						where w.month >= ?
						order by month
						""",
				countedDay, from12Day, countedDay, gridFrom, toMonth, fromDay);
	}

	/**
	 * Month m alone, its 12-month sums those stored for m - 1, plus m's facts, less the
	 * stored facts of m - 12: ind_base holds all but the report pass's part of that
	 * (another session added it up), and every input has at most one row per complex and
	 * category, so these are hash joins on the complex x category grid (the union and
	 * filtered sums of the general short run took three times as long at 10M). ind_grp
	 * holds m's reports in a row per hot_until.
	 */
	private void sumsFromTheMonthBefore(YearMonth month) {
		String key = "on %1$s.complex_id = c.complex_id collate \"C\" and %1$s.category = t.category collate \"C\"";
		String twelve = Arrays.stream("reports, repeats, dw_reports, dw_repeats".split(", "))
			.map(c -> "coalesce(b.%1$s_12m, 0) + coalesce(g.%1$s, 0) as %1$s_12m".formatted(c))
			.collect(Collectors.joining(",\n       "));
		jdbc.update(
				"""
						create temp table ind_cc on commit drop as
						select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
						       t.category collate "C" as category, ?::date as month,
						       coalesce(g.reports, 0) as reports, coalesce(g.repeats, 0) as repeats,
						       coalesce(g.dw_reports, 0) as dw_reports, coalesce(g.dw_repeats, 0) as dw_repeats,
						       coalesce(g.follow_ups, 0) as follow_ups, coalesce(b.closed, 0) as closed, coalesce(b.within, 0) as within,
						       %s,
						       coalesce(b.closed_12m, 0) as closed_12m, coalesce(b.within_12m, 0) as within_12m,
						       coalesce(h.hot_n, 0) as hot_n, h.hot_last, coalesce(b.overdue, 0) as overdue
						from complex c cross join ind_target t
						left join (select complex_id, category, sum(reports::int) as reports, sum(repeats::int) as repeats,
						                  sum(dw_reports::int) as dw_reports, sum(dw_repeats::int) as dw_repeats,
						                  sum(follow_ups::int) as follow_ups
						           from ind_grp where month = ? group by 1, 2) g %s
						left join ind_base b %s
						left join ind_hot h %s
						"""
					.formatted(twelve, key.formatted("g"), key.formatted("b"), key.formatted("h")),
				day(month.atDay(1)), day(month.atDay(1)));
	}

	/**
	 * The run's months only: each month's facts and the sums of the facts in its 12-month
	 * window, with the stored facts of the months before the run. (A run of two or three
	 * months after stored ones, which a late report causes, adds up those 11 stored
	 * months rather than starting from the stored sums of the month before as one month
	 * does: about 1.5 s more at 10M for a rare run, and one way less to get the sums
	 * right.)
	 */
	private void sumsByWindowJoin(Date countedDay, Date from12Day) {
		jdbc.update(
				"""
						create temp table ind_cc on commit drop as
						with f as (
						    select complex_id, category, month, reports, repeats, dw_reports, dw_repeats, follow_ups,
						           0::bigint as closed, 0::bigint as within, 0::bigint as over_delta
						    from ind_grp where month >= ?
						    union all
						    select complex_id, category, month, 0, 0, 0, 0, 0, closed, within, 0 from ind_closed
						    union all
						    select complex_id, category, month, 0, 0, 0, 0, 0, 0, 0, delta from ind_over_delta
						    union all
						    select complex_id collate "C", category collate "C", period, reports, repeats, dw_reports, dw_repeats, 0,
						           closed, within, 0
						    from complex_month_fact where period >= ? and period < ?),
						s as (
						    select f.complex_id, f.category, m.month,
						           coalesce(sum(f.reports::int) filter (where f.month = m.month), 0) as reports,
						           coalesce(sum(f.repeats::int) filter (where f.month = m.month), 0) as repeats,
						           coalesce(sum(f.dw_reports::int) filter (where f.month = m.month), 0) as dw_reports,
						           coalesce(sum(f.dw_repeats::int) filter (where f.month = m.month), 0) as dw_repeats,
						           coalesce(sum(f.follow_ups::int) filter (where f.month = m.month), 0) as follow_ups,
						           coalesce(sum(f.closed::int) filter (where f.month = m.month), 0) as closed,
						           coalesce(sum(f.within::int) filter (where f.month = m.month), 0) as within,
						           sum(f.reports::int) as reports_12m, sum(f.repeats::int) as repeats_12m,
						           sum(f.dw_reports::int) as dw_reports_12m, sum(f.dw_repeats::int) as dw_repeats_12m,
						           sum(f.closed::int) as closed_12m, sum(f.within::int) as within_12m,
						           -- the run's changes up to m (a short run's months all lie within m's 12)
						           sum(f.over_delta::int) as overdue
						    from f join ind_months m on f.month between (m.month - interval '11 months')::date and m.month
						    group by 1, 2, 3)
						select c.complex_id collate "C" as complex_id, c.neighbourhood_code collate "C" as neighbourhood_code,
						       t.category collate "C" as category, m.month,
						       coalesce(s.reports, 0) as reports, coalesce(s.repeats, 0) as repeats,
						       coalesce(s.dw_reports, 0) as dw_reports, coalesce(s.dw_repeats, 0) as dw_repeats,
						       coalesce(s.follow_ups, 0) as follow_ups, coalesce(s.closed, 0) as closed, coalesce(s.within, 0) as within,
						       coalesce(s.reports_12m, 0) as reports_12m, coalesce(s.repeats_12m, 0) as repeats_12m,
						       coalesce(s.dw_reports_12m, 0) as dw_reports_12m, coalesce(s.dw_repeats_12m, 0) as dw_repeats_12m,
						       coalesce(s.closed_12m, 0) as closed_12m, coalesce(s.within_12m, 0) as within_12m,
						       coalesce(h.hot_n, 0) as hot_n, h.hot_last, coalesce(s.overdue, 0) as overdue
						from complex c cross join ind_target t cross join ind_months m
						left join s on s.complex_id = c.complex_id collate "C" and s.category = t.category collate "C" and s.month = m.month
						left join ind_hot h on h.complex_id = c.complex_id collate "C" and h.category = t.category collate "C"
						                   and h.month = m.month
						""",
				countedDay, from12Day, countedDay);
	}

	/**
	 * Stores the run's months' complex facts, with their hotspots (V66), for the runs
	 * after it and the reports, into the partitions FigureReplacement emptied. One month
	 * in the order of the primary key, so that its index grows at its right edge (0.2 s
	 * less at 10M); a longer run month by month (sorting a backfill's 5 M month facts by
	 * their whole key as well took 17 s more).
	 */
	void store() {
		String order = oneMonth ? "month, complex_id, category" : "month";
		jdbc.update(
				"""
						insert into complex_month_fact (period, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within,
						                                overdue, reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m, closed_12m,
						                                within_12m, hot_reports, hot_last)
						select month, complex_id, category, reports, repeats, dw_reports, dw_repeats, closed, within, overdue,
						       reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m, closed_12m, within_12m,
						       case when hot_n >= ? then hot_n end, case when hot_n >= ? then hot_last end
						from ind_cc where reports_12m > 0 or closed_12m > 0 or overdue > 0 order by %s
						"""
					.formatted(order),
				settings.hotspotMinReports(), settings.hotspotMinReports());
		lap("stored");
	}

	/**
	 * The facts of every unit in a month ({@link Facts}): the complex x category rows of
	 * ind_cc and the coarser units of ind_unit. Arguments: the hotspot threshold, the
	 * month twice.
	 */
	static final String UNIT_FACTS = """
			select 'complex' as level, complex_id as unit_id, category, %1$s, (hot_n >= ?)::int as hotspots
			from ind_cc where month = ?
			union all
			select level, unit_id, category, %1$s, hotspots from ind_unit where month = ?
			""".formatted(
			"""
					reports, repeats, dw_reports, dw_repeats, follow_ups, reports_12m, repeats_12m, dw_reports_12m, dw_repeats_12m,
					closed, within, closed_12m, within_12m, overdue""");

	/**
	 * open_overdue at the end of the month before the run, from that month's stored
	 * facts.
	 */
	private static final String OVERDUE_STORED = """
			select complex_id collate "C" as complex_id, category collate "C" as category, ?::date as month, overdue as n
			from complex_month_fact where period = (?::date - interval '1 month')::date and overdue > 0""";

	/**
	 * open_overdue at the end of the month before the run, counted from the reports open
	 * then (for a backfill, which starts at the first month, there are none).
	 */
	private static final String OVERDUE_COUNTED = """
			select r.complex_id collate "C" as complex_id, r.category collate "C" as category, ?::date as month, count(*) as n
			      from report r left join ind_target t on t.category = r.category
			      where r.reported_day < ?
			        and coalesce(r.closed_at, 'infinity'::timestamptz) >= (?::timestamp at time zone 'Europe/Amsterdam')
			        and %s < (?::timestamp at time zone 'Europe/Amsterdam')
			      group by 1, 2""";

	/**
	 * The instant after which report r is older than its category's target (t:
	 * ind_target): closed by then it was closed within target; open at a month end after
	 * it, it is overdue there.
	 */
	private String overdueAt() {
		return "(r.reported_at + coalesce(t.target, make_interval(secs => %s * 86400)))"
			.formatted(settings.defaultTargetDays());
	}

	/** The longest target of any category, in whole days. */
	private long maxTargetDays() {
		double max = settings.defaultTargetDays();
		for (Category category : Category.values()) {
			max = Math.max(max, settings.targetDays(category));
		}
		return (long) Math.ceil(max);
	}

	private static java.time.LocalDate min(java.time.LocalDate a, java.time.LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static Date day(java.time.LocalDate date) {
		return Date.valueOf(date);
	}

}
