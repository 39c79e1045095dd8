package io.certtrail.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The query side on its own: projections into MongoDB and the query API. Run several instances
 * and they share each projection's segments (segment count and threads are settings); reads are
 * served by any of them. Settings: {@code query-side.yml}, and {@code certtrail-service.yml} it imports.
 */
@SpringBootApplication(scanBasePackages = {"io.certtrail.query", "io.certtrail.platform"})
public class QuerySideApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Also how tests start it: its own configuration file, never the all-in-one's application.yml. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=query-side");
    }
}
