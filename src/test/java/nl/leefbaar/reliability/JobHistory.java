package nl.leefbaar.reliability;

import java.util.List;

import nl.leefbaar.system.JobRuns;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaves the shared job repository without this package's runs, as the other tests expect
 * it.
 */
final class JobHistory {

	private JobHistory() {
	}

	/**
	 * Every execution of the jobs named like {@code pattern}, and of the runs that wrote
	 * into {@code output}.
	 */
	static void forget(JdbcTemplate jdbc, JobRepository jobRepository, String pattern, String output) {
		List<Long> ids = jdbc.queryForList("select job_instance_id from batch_job_instance where job_name like ? "
				+ "or job_instance_id in (select e.job_instance_id from batch_job_execution e "
				+ "join batch_job_execution_params p on p.job_execution_id = e.job_execution_id "
				+ "where p.parameter_name = 'output' and p.parameter_value = ?)", Long.class, pattern, output);
		JobRuns.forget(jobRepository, ids);
	}

}
