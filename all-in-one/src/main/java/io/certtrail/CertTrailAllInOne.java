package io.certtrail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides of CertTrail in one JVM on the embedded default: the H2 event store, the MongoDB wire
 * server and the SMTP server start inside it, under the data directory, with the demo identity
 * provider. Nothing to install. The stand-alone applications' own entry points (command side,
 * query side, identity provider) are not scanned: their settings are theirs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class)
        })
public class CertTrailAllInOne {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            // java -jar certtrail-exec.jar restore <backup.zip> <new data directory>, with the application stopped
            io.certtrail.embedded.Restore.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(CertTrailAllInOne.class, args);
    }
}
