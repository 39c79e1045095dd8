package io.certtrail.platform.web;

import io.certtrail.platform.identity.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document describes what a client sends. The signed-in {@link Caller} comes from the
 * access token, not from the request, so it is left out (it showed as a query parameter).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
