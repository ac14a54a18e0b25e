package nl.leefbaar.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one database of Leefbaar, holding the imported records, the figures and Spring
 * Batch's job repository: a configured server ({@code LEEFBAAR_DB_URL} or
 * {@code spring.datasource.url}), or else the embedded PostgreSQL under
 * {@code $LEEFBAAR_HOME/db}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	@Bean
	DataSource dataSource(LeefbaarProperties properties, Environment environment) {
		LeefbaarProperties.Db db = properties.db();
		String url = db.external() ? db.url() : environment.getProperty("spring.datasource.url");
		String user = db.external() ? db.user() : environment.getProperty("spring.datasource.username");
		String password = db.external() ? db.password() : environment.getProperty("spring.datasource.password");
		if (url == null || url.isBlank()) {
			EmbeddedDatabase.Endpoint endpoint = EmbeddedDatabase.startOrConnect(properties.home().resolve("db"),
					db.fsync());
			url = endpoint.jdbcUrl();
			user = "postgres";
			password = null;
		}
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(url)
			.username(user)
			.password(password)
			.build();
		dataSource.setPoolName("leefbaar");
		dataSource.setMaximumPoolSize(6);
		// Batched inserts (a month's funnel statistics, the activity effects) travel as
		// multi-row INSERTs instead of one statement per row.
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}

}
