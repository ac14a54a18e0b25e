package nl.leefbaar.cli;

import java.util.Map;

/** The --help texts: what each command does, its options and what a default means. */
final class Help {

	private static final String MONTH_DEFAULT = """
			  Without --month: the last complete month (Europe/Amsterdam). When the database has no
			  reports on or after that month's first day (data that end earlier, such as the demo in
			  sample-data/), the latest month that has reports; the log says so. For run, this is
			  decided after the import step, so that the new exports count.
			""";

	static final String GLOBAL = """
			Usage: leefbaar <command> [options]       (leefbaar <command> --help for details)

			Commands:
			  run <job>     run a job of jobs/ now (monthly: import, compute, report, deliver)
			  import        read CSV exports into the database
			  compute       compute the indicators of a month from the database
			  report        write the workbooks, charts and deck of a month
			  deliver       send the month's files by mail, each reader their own
			  list          the job definitions and their next run times
			  schedule      stay up and run every job on its cron, catching up missed months
			  status        the recent runs
			  restart <id>  continue a failed run where it stopped

			Options for every command: --help, --debug (stack traces on failure).
			Database: LEEFBAAR_DB_URL, LEEFBAAR_DB_USER, LEEFBAAR_DB_PASSWORD, or the embedded
			PostgreSQL under $LEEFBAAR_HOME/db (default .leefbaar). Job definitions: jobs/ (or
			LEEFBAAR_JOBS).
			Exit status: 0 done, 1 the run failed, 2 usage error or invalid job definition,
			3 another process runs this job for this month.
			""";

	private static final Map<String, String> COMMANDS = Map.of("run", """
			Usage: leefbaar run <job> [--month yyyy-mm] [--input DIR] [--output DIR] [--lang nl|en] [--force]
			                      [--no-deliver]

			Runs the steps of jobs/<job>.yml. A month that completed before is not run again
			unless --force; a month whose run failed continues where it stopped.
			  --month yyyy-mm   the month to compute and report
			  --input DIR       the folder with the CSV exports (default: the job's input)
			  --output DIR      where files go, <output>/<yyyy-mm>/ (default: the job's output)
			  --lang nl|en      language of the reports (default: the job's language)
			  --force           run a completed month again (messages whose figures did not
			                    change are not sent again)
			  --no-deliver      write the files, send nothing (the deliver step)
			""" + MONTH_DEFAULT, "import", """
			Usage: leefbaar import --input DIR [--output DIR]

			Reads the CSV exports in DIR into the database (new and changed records; the rest
			stays). Rejected rows go to <output>/import/ (default out/), the run summary to
			<output>/runs/import-<time>.json.
			""", "compute", """
			Usage: leefbaar compute [--month yyyy-mm | --all] [--output DIR] [--force]

			Computes the indicators of a month from the database (or of every month with --all).
			Runs whenever asked; a month whose data did not change is kept as it is.
			The exports go to <output>/<yyyy-mm>/, the run summary to
			<output>/runs/compute-<time>.json.
			  --force           compute again even when the month's data did not change
			""" + MONTH_DEFAULT, "report", """
			Usage: leefbaar report [--month yyyy-mm] [--output DIR] [--lang nl|en]
			                       [--scope neighbourhood:CODE | --complexes ID,ID] [--force]

			Writes the workbooks, charts and deck of a computed month into <output>/<yyyy-mm>/;
			the run summary goes to <output>/runs/report-<time>.json.
			  --scope neighbourhood:CODE   charts for one neighbourhood (for presenters)
			  --complexes ID,ID            charts for these complexes
			  --force                      write everything again, even what did not change
			""" + MONTH_DEFAULT, "list", """
			Usage: leefbaar list

			The job definitions in jobs/ with their steps, cron and next run time
			(Europe/Amsterdam). Needs no database.
			""", "schedule", """
			Usage: leefbaar schedule

			Stays up and runs every job of jobs/ on its cron (Europe/Amsterdam), each run in a
			process of its own. At start, and at each run, it catches up the months missed
			since the last completed one, oldest first, once each. Stop it with Ctrl-C.
			""", "status", """
			Usage: leefbaar status [--limit N] [--month yyyy-mm]

			The most recent runs (default 20): execution id, job, month, state, start,
			duration, rows read and files written; then the deliveries of the month (default:
			the latest month anything was sent for). Works beside a running scheduler.
			""", "deliver", """
			Usage: leefbaar deliver [--month yyyy-mm] [--output DIR] [--force] [--job NAME]

			Sends the month's files in <output>/<yyyy-mm>/ by mail, as the deliver: block of a
			job definition says (sources-and-delivery.md): each owner its own dashboard and
			exports, each audience its files, one message an entry. What was sent before
			with the same figures is not sent again; changed figures go out as "bijgewerkt".
			Without spring.mail.host nothing is sent. The password: LEEFBAAR_MAIL_PASSWORD.
			The run summary goes to <output>/runs/deliver-<time>.json.
			  --output DIR      where the month's files are (default: the job's output)
			  --force           send every entry again, also what was sent before
			  --job NAME        the job definition whose deliver: block to use (default: the
			                    only one with such a block, or monthly)
			""" + MONTH_DEFAULT, "restart", """
			Usage: leefbaar restart <execution-id>

			Continues a failed run (or one a killed process left behind) where it stopped:
			completed steps are not run again. The id is the first column of leefbaar status.
			""");

	private Help() {
	}

	static String of(String command) {
		return command == null ? GLOBAL : COMMANDS.getOrDefault(command, GLOBAL);
	}

}
