package nl.leefbaar.ingest;

/** Small text helpers for messages. */
final class Texts {

	private Texts() {
	}

	/** A value quoted in a reason is cut to 60 characters: reasons are read by people. */
	static String shorten(String text) {
		String oneLine = text.replace('\n', ' ').replace('\r', ' ');
		return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
	}

}
