package nl.leefbaar.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.leefbaar.domain.Months;
import nl.leefbaar.report.ReportWriter.ReportRequest;
import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.system.LeefbaarProperties;
import nl.leefbaar.system.RunKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Builds the month's {@link ReportRequest} from the job parameters and runs every writer on it. */
class ReportTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final List<ReportWriter> writers;
    private final LeefbaarProperties properties;
    private final Clock clock;

    ReportTasklet(List<ReportWriter> writers, LeefbaarProperties properties, Clock clock) {
        this.writers = writers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        ReportRequest request = request(jobExecution.getJobParameters());
        List<String> written = new ArrayList<>();
        for (ReportWriter writer : writers) {
            for (Path path : writer.write(request)) {
                written.add(path.toString());
            }
        }
        ExecutionContext context = jobExecution.getExecutionContext();
        String before = context.containsKey(RunKeys.FILES) ? context.getString(RunKeys.FILES) : "";
        String files = String.join("\n", written);
        context.putString(RunKeys.FILES, before.isEmpty() ? files : files.isEmpty() ? before : before + "\n" + files);
        log.info("Report step wrote {} file(s) for {} into {}", written.size(), request.month(), request.monthFolder());
        return RepeatStatus.FINISHED;
    }

    ReportRequest request(JobParameters parameters) {
        YearMonth month = month(parameters.getString(RunKeys.MONTH));
        String output = parameters.getString(RunKeys.OUTPUT);
        Path outputFolder = output == null || output.isBlank() ? properties.output() : Path.of(output);
        String lang = parameters.getString(RunKeys.LANG);
        Locale locale = locale(lang == null || lang.isBlank() ? properties.lang() : lang);
        return new ReportRequest(month, outputFolder.resolve(month.toString()), locale, ReportScope.CITY);
    }

    private YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return Months.lastComplete(clock);
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("job parameter " + RunKeys.MONTH + ": '" + value + "' is not a month yyyy-mm");
        }
    }

    static Locale locale(String lang) {
        String code = lang.trim().toLowerCase(Locale.ROOT);
        if (!code.equals("nl") && !code.equals("en")) {
            throw new IllegalArgumentException("job parameter " + RunKeys.LANG + ": '" + lang + "' is not nl or en");
        }
        return Locale.forLanguageTag(code);
    }
}
