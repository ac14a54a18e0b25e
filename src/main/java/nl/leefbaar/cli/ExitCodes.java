package nl.leefbaar.cli;

/** The exit statuses of cli.md, for scripts and schedulers. */
public final class ExitCodes {

	public static final int OK = 0;

	/** The run failed; one line on stderr says why. */
	public static final int FAILED = 1;

	/** Unknown command, bad option, invalid job definition. */
	public static final int USAGE = 2;

	/** Another process holds the lock for this job and month. */
	public static final int LOCKED = 3;

	private ExitCodes() {
	}

}
