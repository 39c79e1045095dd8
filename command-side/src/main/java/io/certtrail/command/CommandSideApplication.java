package io.certtrail.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The command side on its own: aggregates, the command API, e-mail links and the mail that
 * commands cause. In production it talks to Axon Server (events, command routing) and MongoDB;
 * run several instances and Axon Server routes each aggregate's commands to one of them.
 * Settings: {@code command-side.yml}, and {@code certtrail-service.yml} it imports.
 */
@SpringBootApplication(scanBasePackages = {"io.certtrail.command", "io.certtrail.platform"})
public class CommandSideApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Also how tests start it: its own configuration file, never the all-in-one's application.yml. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=command-side");
    }
}
