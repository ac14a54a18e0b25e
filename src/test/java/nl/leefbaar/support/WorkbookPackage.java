package nl.leefbaar.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A workbook read as what it is, a zip package of parts: every XML part (sheets, shared
 * strings, charts with their data caches, drawings, tables, comments, headers and footers
 * inside the sheets, defined names and sheet names in the workbook part, the document
 * properties) as text, and the binary parts (images) as bytes.
 */
public final class WorkbookPackage {

	private WorkbookPackage() {
	}

	/** Part name -> bytes, in the package's order. */
	public static Map<String, byte[]> parts(Path workbook) throws IOException {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(workbook.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				try (InputStream in = zip.getInputStream(entry)) {
					parts.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return parts;
	}

	public static boolean isText(String part) {
		return part.endsWith(".xml") || part.endsWith(".rels") || part.endsWith(".vml");
	}

	/** Every text part, decoded. */
	public static List<String> texts(Path workbook) throws IOException {
		List<String> texts = new ArrayList<>();
		parts(workbook).forEach((name, bytes) -> {
			if (isText(name)) {
				texts.add(new String(bytes, StandardCharsets.UTF_8));
			}
		});
		return texts;
	}

	/** The images of the package (xl/media/...). */
	public static List<byte[]> images(Path workbook) throws IOException {
		List<byte[]> images = new ArrayList<>();
		parts(workbook).forEach((name, bytes) -> {
			if (name.startsWith("xl/media/")) {
				images.add(bytes);
			}
		});
		return images;
	}

	/**
	 * No text part holds any of the texts, as written or as XML escapes them; every part
	 * is either text or an image.
	 */
	public static void assertHoldsNone(Path workbook, Collection<String> forbidden) throws IOException {
		Map<String, byte[]> parts = parts(workbook);
		assertThat(parts).isNotEmpty();
		for (Map.Entry<String, byte[]> part : parts.entrySet()) {
			if (!isText(part.getKey())) {
				assertThat(part.getKey()).as("a binary part is an image").startsWith("xl/media/").endsWith(".png");
				continue;
			}
			String text = new String(part.getValue(), StandardCharsets.UTF_8);
			for (String value : forbidden) {
				if (value == null || value.isBlank()) {
					continue;
				}
				assertThat(text).as(workbook.getFileName() + " " + part.getKey() + " holds '" + value + "'")
					.doesNotContain(value)
					.doesNotContain(xml(value));
			}
		}
	}

	public static String xml(String value) {
		return value.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
