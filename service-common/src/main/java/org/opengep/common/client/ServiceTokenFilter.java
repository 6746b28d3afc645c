package org.opengep.common.client;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts the service's own token on every call our REST clients (generated from the other services' OpenAPI
 * documents) make; never the caller's token. As a {@code @Provider} it applies to every REST client of the service.
 */
@Provider
public class ServiceTokenFilter implements ClientRequestFilter {

    @Inject
    ServiceToken token;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.bearer());
    }
}
