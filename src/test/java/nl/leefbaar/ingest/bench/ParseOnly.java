package nl.leefbaar.ingest.bench;

import java.nio.file.Path;

import nl.leefbaar.ingest.csv.CsvReader;

/** Time the CSV reader alone over a file (no database): ParseOnly FILE. */
public final class ParseOnly {

	public static void main(String[] args) throws Exception {
		for (int round = 0; round < 3; round++) {
			long t = System.nanoTime();
			long rows = 0;
			long chars = 0;
			try (CsvReader reader = CsvReader.open(Path.of(args[0]))) {
				while (reader.next()) {
					rows++;
					for (int i = 0; i < reader.size(); i++) {
						chars += reader.get(i).length();
					}
				}
			}
			System.out.printf("%d rows, %d chars, %.2f s%n", rows, chars, (System.nanoTime() - t) / 1e9);
		}
	}

}
