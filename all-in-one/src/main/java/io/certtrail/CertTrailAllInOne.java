package io.certtrail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Both sides of CertTrail in one JVM on the embedded default: the H2 event store, the MongoDB wire
 * server and the SMTP server start inside it, under the data directory. Nothing to install.
 */
@SpringBootApplication
public class CertTrailAllInOne {

    public static void main(String[] args) {
        SpringApplication.run(CertTrailAllInOne.class, args);
    }
}
