package org.opengep.dashboard.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opengep.dashboard.DashboardConfig;

/** The user of this request: name, roles and the token the dashboard sends to the services in their name. */
@RequestScoped
public class SignedInUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    DashboardConfig config;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** The bearer token of the user (the access token of the OpenID Connect sign-in, or the development token). */
    public Optional<String> token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return Optional.ofNullable(credential).map(AccessTokenCredential::getToken);
    }

    /** Whether signing out is the development sign-in's (else the identity provider's logout). */
    public boolean devSignIn() {
        return config.devSignIn().enabled();
    }
}
