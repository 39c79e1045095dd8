package io.certtrail.platform.web;

import io.certtrail.platform.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The OpenAPI document: named and versioned, with the two ways to call the API declared, so that
 * Swagger UI offers "Authorize": an access token pasted in ({@code bearer}), or a sign-in at the
 * OpenID Connect issuer found through its discovery document ({@code openid}, code flow with PKCE
 * as the {@code certtrail-api-docs} client).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:certtrail-version.properties")
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String OPENID = "openid";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI certTrailApi(@Value("${certtrail.version}") String version, PublicIssuer issuer) {
        return new OpenAPI()
                .info(new Info()
                        .title("CertTrail API")
                        .version(version)
                        .description("Records of a training and certification programme: holders' addresses,"
                                + " training, exams and certificates; partner companies' employees; the audit trail."
                                + " Errors are RFC 9457 problem documents with a stable type and code."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token of the OpenID Connect issuer " + issuer.url()
                                                + ", with the APIs as its audience"))
                        .addSecuritySchemes(
                                OPENID,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OPENIDCONNECT)
                                        .openIdConnectUrl(issuer.url() + "/.well-known/openid-configuration")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(OPENID));
    }

    @Bean
    PublicIssuer publicIssuer(
            @Value("${certtrail.identity.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}")
                    String issuer) {
        return new PublicIssuer(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
    }
}
