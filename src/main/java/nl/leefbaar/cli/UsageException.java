package nl.leefbaar.cli;

/** The command line is wrong (exit status 2); the message says what, in one line. */
public class UsageException extends RuntimeException {

	private final String command;

	public UsageException(String command, String message) {
		super(message);
		this.command = command;
	}

	/** The command whose --help to point at, or null for the global help. */
	public String command() {
		return command;
	}

}
