package io.caravan.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Caravan server: the engine behind a REST API, with PostgreSQL storage. */
@SpringBootApplication
@EnableConfigurationProperties(CaravanProperties.class)
@EnableScheduling
public class CaravanServer {

    /** Starts the server; {@code properties} override the configuration (e.g. {@code server.port}). */
    public static ConfigurableApplicationContext start(Map<String, String> properties, String... args) {
        SpringApplication app = new SpringApplication(CaravanServer.class);
        List<String> all = new ArrayList<>(List.of(args));
        properties.forEach((k, v) -> all.add("--" + k + "=" + v));
        return app.run(all.toArray(String[]::new));
    }

    public static void main(String[] args) {
        SpringApplication.run(CaravanServer.class, args);
    }
}
