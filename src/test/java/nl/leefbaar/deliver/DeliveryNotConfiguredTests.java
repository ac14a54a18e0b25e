package nl.leefbaar.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Without {@code spring.mail.host} (the sample run, every test but the mail tests) the
 * deliver step sends nothing, says so once, and the run completes.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class DeliveryNotConfiguredTests {

	@Autowired
	CommandRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobRepository jobRepository;

	@TempDir
	Path folder;

	@BeforeEach
	@AfterEach
	void forget() {
		DeliveryCli.forget(jdbc, jobRepository);
	}

	@Test
	void sendsNothingSaysSoOnceAndTheRunCompletes(CapturedOutput log) throws Exception {
		TestDatabase.clearDomainTables(jdbc);
		MonthFiles.insertCity(jdbc, "1998-05");
		DeliveryCli cli = new DeliveryCli(runner, folder);
		MonthFiles.write(cli.output.resolve("1998-05"), "1998-05");
		String job = cli.define("""
				deliver:
				  from: leefbaarheid@example.nl
				  to:
				    - owner: Vestia
				      recipients: [manager@vestia.example.nl]
				""");

		DeliveryCli.Result run = cli.run("run", job, "--month", "1998-05");

		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.deliveries()).isEmpty();
		assertThat(log.getAll().split("delivery not configured", -1)).as(log.getAll()).hasSize(2);
		assertThat(jdbc.queryForObject("select count(*) from delivery_log where month = '1998-05'", Long.class))
			.isZero();
	}

}
