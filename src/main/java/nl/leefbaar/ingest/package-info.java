/**
 * Ingest: an input folder of CSV exports (input-format.md) into the domain tables of V2.
 * <p>
 * Entry points: {@link nl.leefbaar.ingest.ImportService#importFolder} and the Spring
 * Batch step {@code importStep} ({@link nl.leefbaar.ingest.ImportStepConfiguration}). The
 * CSV reader is {@link nl.leefbaar.ingest.csv.CsvReader}.
 *
 * <h2>How a file is loaded</h2> Rows are read and checked in Java (streaming; memory does
 * not grow with the file), valid rows go by {@code COPY ... FROM STDIN} into an UNLOGGED
 * staging table (V1__baseline.sql), ids seen twice are resolved there, and one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE row differs} statement upserts them
 * and counts new and changed rows. Order: neighbourhoods, complexes, reports, activities.
 * A load bigger than the table (at least 100,000 rows) drops the table's plain indexes
 * and foreign keys, loads, and builds them again in the same transaction
 * ({@code BulkMode}). A big file into an empty table that no other table refers to
 * (report, activity) skips staging: COPY straight into the table without primary key;
 * only when a Bloom filter of the ids finds a real repeat does it roll back to a
 * savepoint and go through staging.
 *
 * <h2>Pulled sources</h2> A job's other sources (Signalen, a PostgreSQL database: package
 * {@code nl.leefbaar.sources}) run as {@link nl.leefbaar.ingest.RecordSource}s after the
 * folder's files, in the same transaction. {@link nl.leefbaar.ingest.PulledRecords} takes
 * their records through the rules of {@code ReportsFile} / {@code ActivitiesFile}, the
 * staging table and the upsert of a file; a record pulled twice in one pull keeps its
 * later version, and one that is no longer a record (a cancelled report) removes what an
 * earlier pull stored. Rejects name the source and the record's id.
 *
 * <h2>Decisions the contract leaves open</h2>
 * <ul>
 * <li>Files: {@code reports.csv} is required. {@code neighbourhoods.csv} and
 * {@code complexes.csv} may be missing when the database already has such records (a
 * later export with reports only); otherwise the run stops naming the file.
 * {@code activities.csv} and {@code category-mapping.csv} are optional. File names match
 * case-insensitively.</li>
 * <li>A file of zero bytes (no header) is refused; a header-only file is fine (no
 * rows).</li>
 * <li>One transaction for the whole import: when the run fails (too many rejects, a
 * missing column, invalid UTF-8, anything) nothing of it is committed. The reject file is
 * written in every case (only its header when nothing was rejected).</li>
 * <li>The reject share (leefbaar.ingest.max-reject-share, default 0.05) is taken over all
 * files together; the message names the file with the most rejects and the reject
 * file.</li>
 * <li>An id twice in one file: the first row wins; a later row with other content is
 * rejected naming the first row's line; an exact repeat is harmless and counts as
 * unchanged.</li>
 * <li>A record longer than 1 MB is rejected (its raw text cut to 1,000 characters in the
 * reject file) and the reader goes on; a file that ends inside a quoted field rejects
 * that last record.</li>
 * <li>Timestamps may also be a date alone (start of that day). Dates and timestamps
 * before 2000-01-01 or after now (activities: after today) are rejected as
 * implausible.</li>
 * <li>Values are trimmed; empty means absent; a value with a NUL character is rejected.
 * {@code follow_up} is stored lower case; an activity's {@code addresses_category} is
 * mapped like a report category and rejected when it maps to nothing.</li>
 * <li>Counts: {@code loaded = read - rejected = new + changed + unchanged}, per file and
 * in all.</li>
 * </ul>
 */
package nl.leefbaar.ingest;
