package nl.leefbaar.indicators.effects;

/**
 * The SQL of the activity effects: one query for the activities' own windows and counts,
 * one for their comparison groups. Both start from the same windowed activities, so the
 * comparison counts use exactly the (shortened) windows of the activity.
 */
final class EffectQueries {

	private EffectQueries() {
	}

	/**
	 * Activities at a complex with a category, dated up to the end of month m, with the
	 * days available before d (since the first report's day) and from d on (to the end of
	 * m), and the window: min(B, both). Without any report there is nothing before: 0
	 * days.
	 */
	private static final String WINDOWED = """
			with data_start as (
			    select min(reported_day) as day from report
			),
			subject as (
			    select a.activity_id, a.type, a.complex_id, c.neighbourhood_code, a.date,
			           a.addresses_category as category,
			           coalesce(a.date - s.day, 0) as days_before,
			           cast(:monthEnd as date) - a.date + 1 as days_after
			    from activity a
			    join complex c on c.complex_id = a.complex_id
			    cross join data_start s
			    where a.addresses_category is not null
			      and a.date <= cast(:monthEnd as date)
			),
			windowed as (
			    select subject.*, least(cast(:window as integer), days_before, days_after) as window_days
			    from subject
			)
			""";

	/**
	 * Before = [d - w, d - 1], after = [d, d + w - 1]; counts only where w is long
	 * enough. Each count is a range scan of the index on (complex_id, category,
	 * reported_day) (V30).
	 */
	static final String OWN_COUNTS = WINDOWED + """
			select w.activity_id, w.type, w.complex_id, w.neighbourhood_code, w.date, w.category,
			       w.days_before, w.days_after, w.window_days, counts.before, counts.after
			from windowed w
			left join lateral (
			    select count(*) filter (where r.reported_day < w.date) as before,
			           count(*) filter (where r.reported_day >= w.date) as after
			    from report r
			    where r.complex_id = w.complex_id
			      and r.category = w.category
			      and r.reported_day >= w.date - w.window_days
			      and r.reported_day < w.date + w.window_days
			) counts on w.window_days >= cast(:minWindow as integer)
			order by w.date, w.activity_id
			""";

	/**
	 * The other complexes of the neighbourhood without an activity addressing the
	 * category dated d - B to d + B, counted over the activity's windows and summed. An
	 * activity without any such complex has no row here.
	 */
	static final String COMPARISON_COUNTS = WINDOWED + """
			select w.activity_id, count(*) as complexes, sum(counts.before) as before, sum(counts.after) as after
			from windowed w
			join complex other
			  on other.neighbourhood_code = w.neighbourhood_code
			 and other.complex_id <> w.complex_id
			cross join lateral (
			    select count(*) filter (where r.reported_day < w.date) as before,
			           count(*) filter (where r.reported_day >= w.date) as after
			    from report r
			    where r.complex_id = other.complex_id
			      and r.category = w.category
			      and r.reported_day >= w.date - w.window_days
			      and r.reported_day < w.date + w.window_days
			) counts
			where w.window_days >= cast(:minWindow as integer)
			  and not exists (
			      select 1
			      from activity o
			      where o.complex_id = other.complex_id
			        and o.addresses_category = w.category
			        and o.date between w.date - cast(:window as integer) and w.date + cast(:window as integer))
			group by w.activity_id
			""";

	static final String DELETE_PERIOD = "delete from activity_effect where period = ?";

	static final String LOAD_PERIOD = """
			select * from activity_effect
			where period = cast(:period as date)
			order by activity_id is null, date, activity_id, type
			""";

	static final String INSERT = """
			insert into activity_effect (period, activity_id, type, complex_id, neighbourhood_code, date, category,
			                             window_days, before, after, rate_ratio, ci_low, ci_high, p_value,
			                             comparison_before, comparison_after, comparison_rate_ratio,
			                             effect_vs_comparison, flag, effect_ci_low, effect_ci_high)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

}
