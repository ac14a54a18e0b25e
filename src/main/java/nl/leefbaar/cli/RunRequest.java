package nl.leefbaar.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.leefbaar.schedule.SourceDefinition;

/**
 * One run to launch: a job's name and steps with its folders and options, from a
 * definition and the command line ({@code run}) or from the command alone
 * ({@code import}, {@code compute}, {@code report}).
 *
 * @param everyTimeNew a new job instance at every launch: the stage commands are tools a
 * person runs again on purpose (another language, a scope), unlike a job's month
 * @param stepParameters further job parameters for the steps (not identifying), such as
 * the deliver step's definition file
 * @param sources the sources the import pulls besides its folder (the definition's)
 */
record RunRequest(String job, List<String> steps, Optional<YearMonth> month, boolean all, Path input, Path output,
		String lang, boolean force, String scope, boolean everyTimeNew, Map<String, String> stepParameters,
		List<SourceDefinition> sources) {

	RunRequest(String job, List<String> steps, Optional<YearMonth> month, boolean all, Path input, Path output,
			String lang, boolean force, String scope, boolean everyTimeNew, Map<String, String> stepParameters) {
		this(job, steps, month, all, input, output, lang, force, scope, everyTimeNew, stepParameters, List.of());
	}

	boolean monthly() {
		return steps.stream().anyMatch(step -> !step.equals("import"));
	}
}
