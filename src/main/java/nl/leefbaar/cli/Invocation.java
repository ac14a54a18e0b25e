package nl.leefbaar.cli;

import java.util.Map;

import nl.leefbaar.schedule.JobDefinition;
import nl.leefbaar.schedule.StepCatalog;

/**
 * A parsed command with what it runs against: the job definitions and the step catalog.
 */
public record Invocation(ParsedCommand command, Map<String, JobDefinition> definitions, StepCatalog catalog) {
}
