package nl.leefbaar.report;

import java.util.Optional;

import nl.leefbaar.report.ReportWriter.ReportScope;
import nl.leefbaar.report.charts.ChartRenderer;
import nl.leefbaar.report.excel.FunnelImageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Excel has no funnel chart: the dashboard embeds the seminar chart's funnel plot
 * instead.
 */
@Configuration(proxyBeanMethods = false)
class FunnelImageConfiguration {

	@Bean
	FunnelImageSource funnelImageSource(ChartRenderer charts) {
		return (month, locale, width, height) -> Optional
			.of(charts.funnelPlotPng(month, locale, ReportScope.CITY, width, height));
	}

}
