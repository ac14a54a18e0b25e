/**
 * End-to-end tests: the product as a whole on the committed sample-data/ (80 complexes,
 * 40k reports, 2023-11 to 2026-10). Each class runs the real {@code monthly} job once,
 * through the command line's own entry ({@link nl.leefbaar.cli.Cli#prepare} and
 * {@link nl.leefbaar.cli.CommandRunner#execute}, the real jobs/ and steps), into a
 * temporary folder, and then checks many things of what it wrote:
 * <ul>
 * <li>{@code MonthlyRunEndToEndTests}: exit status, every file of outputs.md,
 * run-summary.json, the rectangular indicators.csv, the public rules, the activity
 * effects and the clean-up story;</li>
 * <li>{@code WorkbookMatchesCsvTests}: both workbooks read back with POI, figure by
 * figure against the CSV exports (issue 4, "Must be right"), in Dutch and English, and no
 * formulas;</li>
 * <li>{@code CommandLineContractTests}: the launcher script (when target/leefbaar.jar is
 * built and current), --help in a process of its own, a completed month not run twice
 * unless --force.</li>
 * </ul>
 * The expected columns, indicators and flags are written out in {@code Contract} from the
 * spec, not taken from the product's constants. Each class removes its job runs from the
 * shared job repository afterwards.
 */
package nl.leefbaar.e2e;
