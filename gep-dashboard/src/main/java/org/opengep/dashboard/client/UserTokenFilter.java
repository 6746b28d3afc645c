package org.opengep.dashboard.client;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.opengep.dashboard.auth.SignedInUser;

/**
 * Every call to a service carries the signed-in user's token, never one of the dashboard's own: the services decide what
 * the user may see, and their audit trails name the user. As a {@code @Provider} it applies to every REST client here.
 */
@Provider
public class UserTokenFilter implements ClientRequestFilter {

    @Inject
    SignedInUser user;

    @Override
    public void filter(ClientRequestContext request) {
        user.token().ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
