package fr.acta;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ActaApplication {
    public static void main(String[] args) {
        SpringApplication.run(ActaApplication.class, args);
    }
}
