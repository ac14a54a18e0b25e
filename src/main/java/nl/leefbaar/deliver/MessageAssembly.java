package nl.leefbaar.deliver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Puts an entry's message together: sender, recipients, subject and body in the job's
 * language, the files attached (a folder, the charts, as one zip), and a Message-ID that
 * the sender keeps, so that the delivery log can name the message.
 */
final class MessageAssembly {

	private MessageAssembly() {
	}

	/**
	 * @param attention the first lines of the owner's Aandacht list, or null
	 */
	static MimeMessage message(JavaMailSender sender, String from, DeliverEntry entry, EntryFiles files,
			DeliveryDecision decision, YearMonth month, LocalDate lastReport, MessageText text, List<String> attention)
			throws MessagingException, IOException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(decision.recipients().toArray(String[]::new));
		helper.setSubject(text.subject(entry, month, decision.updated()));
		List<String> names = new ArrayList<>();
		for (Path file : files.attachments()) {
			if (Files.isDirectory(file)) {
				String name = file.getFileName() + "-" + month + ".zip";
				helper.addAttachment(name, new ByteArrayResource(zip(file)), "application/zip");
				names.add(name);
			}
			else {
				helper.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
				names.add(file.getFileName().toString());
			}
		}
		helper.setText(text.body(entry, month, lastReport, attention, decision.updated(), names));
		message.saveChanges(); // the Message-ID, kept by the sender, goes into the log
		return message;
	}

	/** The files of a folder (charts), one level, by name: one zip. */
	static byte[] zip(Path folder) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> listing = Files.list(folder)) {
			for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
				zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
				Files.copy(file, zip);
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	/** The message's size as sent, attachments encoded. */
	static long size(MimeMessage message) throws IOException, MessagingException {
		long[] count = new long[1];
		message.writeTo(new OutputStream() {
			@Override
			public void write(int b) {
				count[0]++;
			}

			@Override
			public void write(byte[] b, int off, int len) {
				count[0] += len;
			}
		});
		return count[0];
	}

}
