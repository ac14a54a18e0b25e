package nl.leefbaar.schedule;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each scheduled job in a process of its own ({@code leefbaar run <job> --month m}):
 * the definition's settings apply to that run only, a run that runs out of memory does
 * not take the scheduler down, and the child connects to the embedded database the
 * scheduler keeps running.
 */
public final class ChildProcessRunner implements Scheduler.Runner {

	private final List<String> launcher;

	public ChildProcessRunner(List<String> launcher) {
		this.launcher = List.copyOf(launcher);
	}

	/**
	 * How to start this same application again: {@code java -jar leefbaar.jar} or a class
	 * path, with this JVM's memory and compiler options ({@code -Xmx}, {@code -XX:...},
	 * as the launcher gave them; not a debugger's, whose port the child could not take
	 * again).
	 */
	public static ChildProcessRunner ofThisProcess(String mainClass) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(argument -> argument.startsWith("-XX:") || argument.startsWith("-Xm")
					|| argument.startsWith("-Xss"))
			.forEach(command::add);
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith("leefbaar.") || name.startsWith("spring.")
					|| name.equals("java.awt.headless"))
			.sorted()
			.forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			command.add("-jar");
			command.add(classPath);
		}
		else {
			command.add("-cp");
			command.add(classPath);
			command.add(mainClass);
		}
		return new ChildProcessRunner(command);
	}

	List<String> command(JobDefinition definition, YearMonth month) {
		List<String> command = new ArrayList<>(launcher);
		command.add("run");
		command.add(definition.name());
		if (month != null) {
			command.add("--month");
			command.add(month.toString());
		}
		return command;
	}

	@Override
	public int run(JobDefinition definition, YearMonth month) {
		try {
			Process process = new ProcessBuilder(command(definition, month)).inheritIO().start();
			return process.waitFor();
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot start a run: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

}
