package nl.leefbaar.schedule;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;

import nl.leefbaar.domain.Months;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The month a run is for when the user names none: the last complete month, unless the
 * data end before it (a demo set, an inbox that stopped), in which case the latest month
 * that has reports, so that a run always produces figures rather than an empty month.
 */
@Component
public class MonthResolver {

	private static final Logger log = LoggerFactory.getLogger(MonthResolver.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	@Autowired
	MonthResolver(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
		this(jdbc, clock.getIfAvailable(Clock::systemDefaultZone));
	}

	public MonthResolver(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public YearMonth lastComplete() {
		return Months.lastComplete(clock);
	}

	/**
	 * {@link #resolve()}, saying in the log when the data end before the last complete
	 * month.
	 */
	public YearMonth resolveAndTell() {
		YearMonth month = resolve();
		YearMonth lastComplete = lastComplete();
		if (!month.equals(lastComplete)) {
			log.info("No reports on or after {}-01: using {}, the latest month that has reports", lastComplete, month);
		}
		return month;
	}

	public YearMonth resolve() {
		YearMonth lastComplete = lastComplete();
		Date latest = jdbc.queryForObject("select max(reported_day) from report", Date.class);
		if (latest == null) {
			return lastComplete;
		}
		YearMonth latestWithReports = YearMonth.from(latest.toLocalDate());
		if (!latestWithReports.isBefore(lastComplete)) {
			return lastComplete;
		}
		return latestWithReports;
	}

}
