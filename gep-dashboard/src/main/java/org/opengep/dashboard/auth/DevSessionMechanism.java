package org.opengep.dashboard.auth;

import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Who is signed in through the development sign-in: the session cookie names a {@link DevSessions.DevSession}, whose
 * token the dashboard sends to the services as the user's (an {@link AccessTokenCredential}, as the OpenID Connect
 * sign-in leaves it). Without a session a page redirects to the sign-in. The bean exists only when
 * {@code gep.dashboard.dev-sign-in.enabled=true}; it comes before the OpenID Connect mechanism, whose tenant the local
 * run turns off.
 */
@ApplicationScoped
@LookupIfProperty(name = "gep.dashboard.dev-sign-in.enabled", stringValue = "true")
public class DevSessionMechanism implements HttpAuthenticationMechanism {

    @Inject
    DevSessions sessions;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(DevSessions.COOKIE);
        return Uni.createFrom().item(sessions.find(cookie == null ? null : cookie.getValue())
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.user()))
                        .addRoles(session.roles())
                        .addCredential(new AccessTokenCredential(session.token()))
                        .build())
                .orElse(null));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String next = context.request().uri();
        String location = "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(302, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
