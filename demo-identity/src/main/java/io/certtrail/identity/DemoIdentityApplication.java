package io.certtrail.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The demo identity provider on its own, for docker compose: the same directory of demo users and
 * integration clients as the all-in-one default, so the README's stories work unchanged. A real
 * deployment points the services at its own OpenID Connect provider instead.
 */
@SpringBootApplication
public class DemoIdentityApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(DemoIdentityApplication.class)
                .properties("spring.config.name=demo-identity")
                .run(args);
    }
}
