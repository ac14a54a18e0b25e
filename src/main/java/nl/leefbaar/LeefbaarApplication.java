package nl.leefbaar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeefbaarApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(LeefbaarApplication.class, args)));
    }
}
