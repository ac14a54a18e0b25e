package nl.leefbaar.deliver;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the test server's mailboxes back: messages, attachments and their text. */
final class Mailboxes {

	private Mailboxes() {
	}

	/** The messages in the mailbox of one address, in the order they came. */
	static List<MimeMessage> of(GreenMail server, String address) {
		return server.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true).toList();
	}

	/** Attachment name to its bytes. */
	static Map<String, byte[]> attachments(MimeMessage message) throws Exception {
		Map<String, byte[]> attachments = new LinkedHashMap<>();
		Multipart parts = (Multipart) message.getContent();
		collect(parts, attachments);
		return attachments;
	}

	private static void collect(Multipart parts, Map<String, byte[]> attachments) throws Exception {
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				collect(nested, attachments);
			}
			else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachments.put(part.getFileName(), part.getInputStream().readAllBytes());
			}
		}
	}

	/** The plain text of the message's body. */
	static String body(MimeMessage message) throws Exception {
		return body((Multipart) message.getContent());
	}

	private static String body(Multipart parts) throws Exception {
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				String text = body(nested);
				if (text != null) {
					return text;
				}
			}
			else if (part.getDisposition() == null && part.isMimeType("text/plain")) {
				return part.getContent().toString().replace("\r\n", "\n");
			}
		}
		return null;
	}

	/**
	 * Everything an attachment holds as text: a zip (xlsx, pptx, the charts) entry by
	 * entry, inflated, so that a cell, a chart's cache or a slide is searched too.
	 */
	static String text(byte[] bytes) throws IOException {
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		// ZipFile, not ZipInputStream: the workbooks' entries carry their sizes only in
		// the
		// central directory, which a stream reader does not see
		Path file = Files.write(Files.createTempFile("attachment", ".zip"), bytes);
		StringBuilder text = new StringBuilder();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					text.append(entry.getName()).append('\n').append(text(in.readAllBytes())).append('\n');
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		return text.toString();
	}

}
