package nl.leefbaar.schedule;

import java.nio.file.Path;

/**
 * A job definition that cannot be used; the message names the file, the line and the
 * problem.
 */
public class DefinitionException extends RuntimeException {

	public DefinitionException(Path file, int line, String problem) {
		super(file + (line > 0 ? ":" + line : "") + ": " + problem);
	}

}
