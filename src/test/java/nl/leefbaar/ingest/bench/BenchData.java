package nl.leefbaar.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * Stand-in for the sample-data generator in benchmarks (same command line): the four
 * CSVs, reports.csv with {@code ;} and Dutch timestamps as Excel exports write them.
 * Seeded.
 * <p>
 * Usage: {@code BenchData --out DIR --reports N --seed S}
 */
public final class BenchData {

	private static final String[] CATEGORIES = { "Rommel in portiek", "Burenoverlast", "Geluidsoverlast", "Lekkage",
			"Vandalisme", "Hangjongeren", "Huurachterstand", "Groenonderhoud", "Zwerfafval", "Overig", "Graffiti" };

	private static final String[] CHANNELS = { "phone", "app", "web", "walk-in", "staff" };

	private static final String[] FOLLOW_UPS = { "", "", "", "visit", "conversation", "referral", "none" };

	public static void main(String[] args) throws IOException {
		Path out = Path.of(arg(args, "--out", "bench-data"));
		long reports = Long.parseLong(arg(args, "--reports", "100000"));
		long seed = Long.parseLong(arg(args, "--seed", "42"));
		Files.createDirectories(out);
		Random random = new Random(seed);
		int neighbourhoods = 12;
		int complexes = 80;
		try (BufferedWriter w = Files.newBufferedWriter(out.resolve("neighbourhoods.csv"), StandardCharsets.UTF_8)) {
			w.write("neighbourhood_code,name,district\n");
			for (int n = 0; n < neighbourhoods; n++) {
				w.write(String.format("BU0599%04d,Buurt %d,Gebied %d%n", n, n, n / 4));
			}
		}
		try (BufferedWriter w = Files.newBufferedWriter(out.resolve("complexes.csv"), StandardCharsets.UTF_8)) {
			w.write("complex_id,name,neighbourhood_code,owner,dwellings\n");
			for (int c = 0; c < complexes; c++) {
				w.write(String.format("CPX%04d,Complex %d,BU0599%04d,Woonstichting,%d%n", c, c, c % neighbourhoods,
						20 + random.nextInt(280)));
			}
		}
		LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
		int minutes = 3 * 365 * 24 * 60;
		try (BufferedWriter w = new BufferedWriter(
				Files.newBufferedWriter(out.resolve("reports.csv"), StandardCharsets.UTF_8), 1 << 16)) {
			w.write("report_id;complex_id;dwelling_ref;category;reported_at;closed_at;channel;follow_up\r\n");
			StringBuilder line = new StringBuilder(128);
			for (long r = 0; r < reports; r++) {
				int complex = (int) Math.min(complexes - 1, Math.abs(random.nextGaussian()) * complexes / 3);
				LocalDateTime at = start.plusMinutes(random.nextInt(minutes));
				line.setLength(0);
				line.append('M')
					.append(String.format("%09d", r))
					.append(';')
					.append(String.format("CPX%04d", complex))
					.append(';')
					.append("W")
					.append(complex)
					.append('-')
					.append(random.nextInt(300))
					.append(';')
					.append(CATEGORIES[random.nextInt(CATEGORIES.length)])
					.append(';');
				dutch(line, at).append(';');
				if (random.nextInt(10) > 0) {
					dutch(line, at.plusHours(1 + random.nextInt(24 * 30)));
				}
				line.append(';')
					.append(CHANNELS[random.nextInt(CHANNELS.length)])
					.append(';')
					.append(FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)])
					.append("\r\n");
				w.append(line);
			}
		}
		try (BufferedWriter w = Files.newBufferedWriter(out.resolve("activities.csv"), StandardCharsets.UTF_8)) {
			w.write("activity_id,complex_id,neighbourhood_code,type,date,participants,addresses_category\n");
			for (int a = 0; a < 300; a++) {
				boolean wide = a % 5 == 0;
				w.write(String.format("ACT%04d,%s,%s,%s,%s,%d,%s%n", a,
						wide ? "" : String.format("CPX%04d", a % complexes),
						wide ? String.format("BU0599%04d", a % neighbourhoods) : "", wide ? "meeting" : "cleanup",
						start.toLocalDate().plusDays(random.nextInt(3 * 365)), random.nextInt(40),
						wide ? "" : "pollution"));
			}
		}
	}

	private static StringBuilder dutch(StringBuilder b, LocalDateTime t) {
		return b.append(two(t.getDayOfMonth()))
			.append('-')
			.append(two(t.getMonthValue()))
			.append('-')
			.append(t.getYear())
			.append(' ')
			.append(two(t.getHour()))
			.append(':')
			.append(two(t.getMinute()));
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

	private static String arg(String[] args, String name, String otherwise) {
		for (int i = 0; i + 1 < args.length; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return otherwise;
	}

}
