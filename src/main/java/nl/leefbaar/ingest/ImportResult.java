package nl.leefbaar.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did, over all files together and per file.
 * {@code loaded = rowsRead - rejected} and
 * {@code loaded = newRows + changed + unchanged}: a row that repeats an earlier row of
 * the same file exactly counts as unchanged. {@code inputFiles} counts the mapping file
 * when the input folder has one.
 */
public record ImportResult(long rowsRead, long loaded, long rejected, long newRows, long changed, long unchanged,
		long unmapped, int inputFiles, Path rejectsFile, List<FileCounts> byFile) {

	/** The counts of one input file. */
	public record FileCounts(String file, long rowsRead, long loaded, long rejected, long newRows, long changed,
			long unchanged, long unmapped) {
	}

	static ImportResult of(List<FileCounts> files, int inputFiles, Path rejectsFile) {
		return new ImportResult(files.stream().mapToLong(FileCounts::rowsRead).sum(),
				files.stream().mapToLong(FileCounts::loaded).sum(),
				files.stream().mapToLong(FileCounts::rejected).sum(),
				files.stream().mapToLong(FileCounts::newRows).sum(),
				files.stream().mapToLong(FileCounts::changed).sum(),
				files.stream().mapToLong(FileCounts::unchanged).sum(),
				files.stream().mapToLong(FileCounts::unmapped).sum(), inputFiles, rejectsFile, List.copyOf(files));
	}
}
