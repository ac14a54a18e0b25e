package nl.leefbaar;

import nl.leefbaar.cli.Cli;
import nl.leefbaar.cli.CommandRunner;
import nl.leefbaar.schedule.ChildProcessRunner;
import nl.leefbaar.schedule.StepCatalog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The one entry: {@code leefbaar <command>} (cli.md). The command line is read before
 * Spring starts, so that a usage error or an invalid job definition exits with status 2
 * at once, and the exit status of the command becomes the process's, for schedulers and
 * scripts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeefbaarApplication {

	public static void main(String[] args) {
		Cli cli = new Cli(System.out, System.err, Cli.jobsFolder());
		Cli.Prepared prepared = cli.prepare(args, StepCatalog.STANDARD);
		if (prepared.exitCode() != null) {
			System.exit(prepared.exitCode());
		}
		ConfigurableApplicationContext context;
		try {
			context = SpringApplication.run(LeefbaarApplication.class, prepared.applicationArguments());
		}
		catch (RuntimeException e) {
			System.exit(cli.startFailed(e, prepared.invocation().command().debug()));
			return;
		}
		CommandRunner runner = context.getBean(CommandRunner.class);
		int code = runner.execute(prepared.invocation(), System.out, System.err);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/**
	 * How {@code schedule} starts each run: this application again, in a process of its
	 * own.
	 */
	@Bean
	ChildProcessRunner childProcessRunner() {
		return ChildProcessRunner.ofThisProcess(LeefbaarApplication.class.getName());
	}

}
