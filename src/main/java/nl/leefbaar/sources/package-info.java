/**
 * Sources the import pulls besides its folder (sources-and-delivery.md, Sources):
 * Signalen ({@link nl.leefbaar.sources.SignalenSource}, over
 * {@link nl.leefbaar.sources.SignalenClient} and
 * {@link nl.leefbaar.sources.SignalenPage}) and a PostgreSQL database
 * ({@link nl.leefbaar.sources.PostgresqlSource}), built per run from the job parameter
 * {@code sources} by {@link nl.leefbaar.sources.Sources}. Each runs inside the import's
 * transaction and hands its records to {@link nl.leefbaar.ingest.PulledRecords}; its
 * {@link nl.leefbaar.sources.Watermarks watermark} moves in that transaction.
 *
 * <h2>Decisions the contract leaves open</h2>
 * <ul>
 * <li>Watermarks are kept per source name and kind of record (a PostgreSQL source has one
 * per query); a source that points elsewhere under the same name (another URL or query
 * file) starts again from nothing.</li>
 * <li>Signalen's {@code updated_after} includes its value, so the records at the
 * watermark come again (unchanged). A signal seen twice in one pass means the numbered
 * pages moved under the pull; the pass is repeated from that signal's first time, at most
 * three times, else the watermark stays there for the next run.</li>
 * <li>A signal that is cancelled, or no longer at a dwelling of a complex, removes the
 * report an earlier pull stored of it ({@code removed} in the run summary).</li>
 * <li>A next page on another server than the configured one is refused (the bearer token
 * goes nowhere else); http:// is accepted only to this machine; redirects are not
 * followed.</li>
 * <li>The house number may be a JSON number or string; the address matches exactly on
 * postcode (no spaces, upper case), number, letter and addition (upper case).</li>
 * <li>A PostgreSQL source's first pull binds {@code :since} to 1900-01-01; a query may
 * use it any number of times; any other parameter refuses the query. Connecting is tried
 * again while the server is unreachable; a failure once rows flow fails the source.</li>
 * </ul>
 */
package nl.leefbaar.sources;
