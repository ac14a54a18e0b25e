package nl.leefbaar.deliver;

/** The job parameters of the deliver step (strings, not identifying). */
public final class DeliverKeys {

	/** The job definition file whose {@code deliver:} block the step reads. */
	public static final String DEFINITION = "definition";

	/** {@code false}: {@code run --no-deliver}, the step sends nothing. */
	public static final String DELIVER = "deliver";

	/** {@code true}: {@code deliver --force}, every entry is sent again. */
	public static final String RESEND = "resend";

	private DeliverKeys() {
	}

}
