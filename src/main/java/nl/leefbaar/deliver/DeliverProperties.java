package nl.leefbaar.deliver;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of delivery: the largest message the step sends (many mail servers refuse more
 * than 20 to 25 MB).
 */
@ConfigurationProperties("leefbaar.deliver")
record DeliverProperties(@DefaultValue("20MB") DataSize maxMessageSize) {
}
