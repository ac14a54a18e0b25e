package nl.leefbaar.report;

import java.util.Optional;

import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.report.excel.FunnelImageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Excel has no funnel chart: the dashboard embeds the seminar chart's funnel plot
 * instead, for an owner's dashboard with the owner's complexes alone against the city's
 * limits.
 */
@Configuration(proxyBeanMethods = false)
class FunnelImageConfiguration {

	@Bean
	FunnelImageSource funnelImageSource(ChartRenderer charts) {
		return (month, locale, complexIds, width, height) -> Optional
			.of(complexIds == null ? charts.funnelPlotPng(month, locale, ReportScope.CITY, width, height)
					: charts.funnelPlotPngOf(month, locale, new ReportScope(null, complexIds), width, height));
	}

}
