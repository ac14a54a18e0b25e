package nl.leefbaar.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.leefbaar.system.AtomicFiles;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes run-summary.txt and run-summary.json, each to a temporary name first,
 * owner-only.
 */
final class SummaryFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SummaryFiles() {
	}

	/**
	 * @return the path of run-summary.json
	 */
	static Path write(Path folder, RunSummary summary) throws IOException {
		return write(folder, "run-summary", summary);
	}

	/**
	 * Writes under {@code name}, or {@code name-2}, {@code name-3}, ... when a summary of
	 * that name is there already (two runs of a command within one second).
	 * @return the path of the JSON file
	 */
	static Path writeNew(Path folder, String name, RunSummary summary) throws IOException {
		String free = name;
		for (int n = 2; Files.exists(folder.resolve(free + ".json")); n++) {
			free = name + "-" + n;
		}
		return write(folder, free, summary);
	}

	/**
	 * @param name the files' name without {@code .txt} / {@code .json}
	 * @return the path of the JSON file
	 */
	static Path write(Path folder, String name, RunSummary summary) throws IOException {
		AtomicFiles.createPrivateFolder(folder);
		write(folder.resolve(name + ".txt"), "Leefbaar run summary\n" + summary.text());
		Path json = folder.resolve(name + ".json");
		write(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary.json()) + "\n");
		return json;
	}

	/**
	 * Owner-only from the start, and no partial file when the disk is full (AtomicFiles).
	 */
	private static void write(Path file, String content) throws IOException {
		try {
			AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IOException(e.getMessage(), e);
		}
	}

}
