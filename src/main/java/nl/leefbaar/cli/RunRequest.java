package nl.leefbaar.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import nl.leefbaar.schedule.SourceDefinition;

/**
 * One run to launch: a job's name and steps with its folders and options, from a
 * definition and the command line ({@code run}) or from the command alone
 * ({@code import}, {@code compute}, {@code report}).
 *
 * @param everyTimeNew a new job instance at every launch: the stage commands are tools a
 * person runs again on purpose (another language, a scope), unlike a job's month
 * @param sources the sources the import pulls besides its folder (the definition's)
 */
record RunRequest(String job, List<String> steps, Optional<YearMonth> month, boolean all, Path input, Path output,
		String lang, boolean force, String scope, boolean everyTimeNew, List<SourceDefinition> sources) {

	RunRequest(String job, List<String> steps, Optional<YearMonth> month, boolean all, Path input, Path output,
			String lang, boolean force, String scope, boolean everyTimeNew) {
		this(job, steps, month, all, input, output, lang, force, scope, everyTimeNew, List.of());
	}

	boolean monthly() {
		return steps.stream().anyMatch(step -> !step.equals("import"));
	}
}
