package nl.leefbaar.sources;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pulled sources ({@code leefbaar.sources.*}).
 *
 * @param retryWaits the waits before the retries of an unreachable server, a timeout or a
 * 5xx answer (sources-and-delivery.md: 1, 4 and 16 seconds); tests make them short
 * @param connectTimeout to open a connection
 * @param requestTimeout for one HTTP answer
 * @param statementTimeout for a query of a PostgreSQL source (its
 * {@code statement_timeout})
 * @param fetchSize rows a PostgreSQL source fetches at a time
 * @param pageSize records a Signalen page holds (the spec's 100)
 */
@ConfigurationProperties("leefbaar.sources")
public record SourceSettings(@DefaultValue( {
		"1s", "4s", "16s" }) List<Duration> retryWaits, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration requestTimeout, @DefaultValue("10m") Duration statementTimeout,
		@DefaultValue("1000") int fetchSize, @DefaultValue("100") int pageSize){

	/** The same settings with other waits between retries: for tests. */
	public SourceSettings withRetryWaits(List<Duration> waits) {
		return new SourceSettings(waits, connectTimeout, requestTimeout, statementTimeout, fetchSize, pageSize);
	}

	/** The same settings with another timeout for an HTTP answer: for tests. */
	public SourceSettings withRequestTimeout(Duration timeout) {
		return new SourceSettings(retryWaits, connectTimeout, timeout, statementTimeout, fetchSize, pageSize);
	}

}
