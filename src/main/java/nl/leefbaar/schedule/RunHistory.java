package nl.leefbaar.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the job repository knows about earlier runs, read with SQL over the batch tables.
 */
@Component
public class RunHistory implements Scheduler.History {

	private final JdbcTemplate jdbc;

	RunHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The months for which the job has a COMPLETED execution. */
	@Override
	public SortedSet<YearMonth> completedMonths(String job) {
		List<String> months = jdbc.queryForList("""
				select distinct p.parameter_value
				  from batch_job_execution e
				  join batch_job_instance i on i.job_instance_id = e.job_instance_id
				  join batch_job_execution_params p on p.job_execution_id = e.job_execution_id
				 where i.job_name = ? and e.status = 'COMPLETED' and p.parameter_name = 'month'
				""", String.class, job);
		SortedSet<YearMonth> result = new TreeSet<>();
		months.forEach(month -> result.add(YearMonth.parse(month)));
		return result;
	}

	/** When the job last started, whatever became of it. */
	@Override
	public Optional<Instant> lastStart(String job) {
		Timestamp start = jdbc.queryForObject("""
				select max(e.create_time)
				  from batch_job_execution e
				  join batch_job_instance i on i.job_instance_id = e.job_instance_id
				 where i.job_name = ?
				""", Timestamp.class, job);
		// the job repository stores local date-times of this JVM's zone
		return Optional.ofNullable(start).map(t -> t.toLocalDateTime().atZone(ZoneId.systemDefault()).toInstant());
	}

	/** The ids of the most recent executions, newest first. */
	public List<Long> recentExecutionIds(int limit) {
		return jdbc.queryForList(
				"select job_execution_id from batch_job_execution order by job_execution_id desc limit ?", Long.class,
				limit);
	}

}
