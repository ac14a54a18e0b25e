package nl.leefbaar.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a failure into the one line a person reads (the root cause, credentials masked).
 */
@Component
class Failures {

	private final Credentials credentials;

	Failures(Environment environment) {
		this.credentials = Credentials.from(environment::getProperty);
	}

	Credentials credentials() {
		return credentials;
	}

	String reason(JobExecution execution) {
		Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
		if (failure != null) {
			return message(failure);
		}
		String description = execution.getExitStatus().getExitDescription();
		String line = description == null || description.isBlank() ? "status " + execution.getStatus()
				: description.lines().findFirst().orElse("");
		return credentials.mask(line);
	}

	String message(Throwable failure) {
		return credentials.mask(rootMessage(failure));
	}

	int report(Exception e, boolean debug, PrintStream err) {
		err.println("leefbaar: " + message(e));
		if (debug) {
			StringWriter trace = new StringWriter();
			e.printStackTrace(new PrintWriter(trace));
			err.print(credentials.mask(trace.toString()));
		}
		return ExitCodes.FAILED;
	}

	/** The deepest cause that says something; wrappers' messages repeat their cause's. */
	static String rootMessage(Throwable failure) {
		String message = null;
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && !t.getMessage().isBlank()) {
				message = t.getMessage();
			}
			else if (message == null) {
				message = t.getClass().getSimpleName();
			}
		}
		return message.lines().findFirst().orElse(message);
	}

}
