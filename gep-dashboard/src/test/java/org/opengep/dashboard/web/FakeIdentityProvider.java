package org.opengep.dashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opengep.testsupport.TestTokens;

/**
 * An OpenID Connect provider over real HTTP, just enough for the authorization code flow: discovery, JWKS (the test
 * key), an authorization endpoint that signs in whoever {@code login_hint} names ({@code user:role,role}) and sends the
 * browser back with a code, and a token endpoint that trades the code (with the client's secret) for an ID token and an
 * access token with the user's roles in {@code groups}. It also stands in for the accounting service: it records the
 * bearer token the dashboard sends there ({@code GET /recorded}) and answers 404.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "gep-dashboard";
    static final String CLIENT_SECRET = "test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private volatile String recordedBearer = "";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 20);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String url = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, Map.of(
                "issuer", TestTokens.ISSUER, "authorization_endpoint", url + "/authorize", "token_endpoint", url + "/token",
                "jwks_uri", url + "/jwks", "end_session_endpoint", url + "/logout", "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/jwks", exchange -> json(exchange, 200, Map.of("keys", List.of(jwk()))));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/logout", exchange -> {
            exchange.getResponseHeaders().add("Location", form(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/api/v1/", exchange -> {
            recordedBearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            json(exchange, 404, Map.of("status", 404, "title", "Not found", "detail", "no such region"));
        });
        server.createContext("/recorded", exchange -> json(exchange, 200, Map.of("authorization", recordedBearer)));
        server.start();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", url,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "gep.dashboard.dev-sign-in.enabled", "false",
                "quarkus.rest-client.accounting.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Signs in the user the login hint names and sends the browser back to the dashboard with a one-time code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String[] hint = query.getOrDefault("login_hint", "nobody:").split(":", 2);
        String code = UUID.randomUUID().toString();
        Map<String, Object> user = new HashMap<>();
        user.put("user", hint[0]);
        user.put("roles", hint[1].isEmpty() ? List.of() : Arrays.asList(hint[1].split(",")));
        if (query.containsKey("nonce")) {
            user.put("nonce", query.get("nonce"));
        }
        codes.put(code, user);
        String back = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code + "&state="
                + query.get("state");
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The code, once, for the tokens; only the dashboard with its secret may ask. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean clientKnown = basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || (CLIENT_ID.equals(body.get("client_id")) && CLIENT_SECRET.equals(body.get("client_secret")));
        Map<String, Object> user = codes.remove(String.valueOf(body.get("code")));
        if (!clientKnown || user == null || !"authorization_code".equals(body.get("grant_type"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> common = new HashMap<>(Map.of("iss", TestTokens.ISSUER, "sub", user.get("user"), "iat", now, "exp", now + 600));
        Map<String, Object> id = new HashMap<>(common);
        id.put("aud", CLIENT_ID);
        id.put("preferred_username", user.get("user"));
        if (user.containsKey("nonce")) {
            id.put("nonce", user.get("nonce"));
        }
        Map<String, Object> access = new HashMap<>(common);
        access.put("upn", user.get("user"));
        if (!((List<?>) user.get("roles")).isEmpty()) {
            access.put("groups", user.get("roles"));
        }
        json(exchange, 200, Map.of("token_type", "Bearer", "expires_in", 600, "id_token", TestTokens.signed(id, "test-key"),
                "access_token", TestTokens.signed(access, "test-key")));
    }

    private static Map<String, Object> jwk() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKeyBase64())));
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return Map.of("kty", "RSA", "kid", "test-key", "use", "sig", "alg", "RS256",
                    "n", url.encodeToString(unsigned(key.getModulus().toByteArray())), "e", url.encodeToString(key.getPublicExponent().toByteArray()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 && body instanceof Map<?, ?> m && m.containsKey("title")
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
