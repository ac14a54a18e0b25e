package nl.leefbaar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

class CommandLineParserTests {

	final CommandLineParser parser = new CommandLineParser();

	@Test
	void readsARunWithEveryOption() {
		ParsedCommand run = parser.parse("run", "monthly", "--month", "2025-06", "--input=exports", "--output", "o",
				"--lang", "en", "--force", "--debug");

		assertThat(run.command()).isEqualTo("run");
		assertThat(run.arguments()).containsExactly("monthly");
		assertThat(run.month()).contains(YearMonth.of(2025, 6));
		assertThat(run.option("input")).contains("exports");
		assertThat(run.option("output")).contains("o");
		assertThat(run.option("lang")).contains("en");
		assertThat(run.flag("force")).isTrue();
		assertThat(run.debug()).isTrue();
	}

	@Test
	void refusesWhatIsNotACommandLine() {
		assertUsage("unknown command 'no-such-command'", "no-such-command");
		assertUsage("bad --month '2025-13'", "run", "monthly", "--month", "2025-13");
		assertUsage("bad --month '2025-6'", "compute", "--month", "2025-6");
		assertUsage("unknown option '--colour'", "run", "monthly", "--colour", "red");
		assertUsage("run needs <job>", "run");
		assertUsage("unexpected argument 'extra'", "list", "extra");
		assertUsage("--month needs a value", "compute", "--month");
		assertUsage("give --month or --all", "compute", "--month", "2025-01", "--all");
		assertUsage("import needs --input", "import");
		assertUsage("bad --lang 'de'", "report", "--lang", "de");
		assertUsage("bad --scope", "report", "--scope", "city");
		assertUsage("give --scope or --complexes", "report", "--scope", "neighbourhood:BU1", "--complexes", "C1");
		assertUsage("bad execution id 'x'", "restart", "x");
		assertUsage("--force takes no value", "run", "m", "--force=yes");
		assertUsage("no command given");
	}

	@Test
	void helpNeedsNoValidArguments() {
		assertThat(parser.parse("run", "--help").help()).isTrue();
		assertThat(parser.parse("help").help()).isTrue();
		assertThat(parser.parse("help", "status").command()).isEqualTo("status");
	}

	private void assertUsage(String message, String... args) {
		assertThatThrownBy(() -> parser.parse(args)).isInstanceOf(UsageException.class).hasMessageContaining(message);
	}

}
