package org.opengep.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another of our services as a test sees it: real HTTP on a dynamic port that checks the caller's bearer token the
 * way the real service does (RS256 signed by the test key, the required role), and that a test can stop and start
 * again (on the same port), slow down or make fail.
 */
public final class StubService {

    /** An answer: status and JSON body. */
    public record Reply(int status, String body) {
        public static Reply ok(String body) {
            return new Reply(200, body);
        }

        public static Reply notFound() {
            return new Reply(404, "{\"status\":404}");
        }
    }

    /** Answers a request the token check let through. */
    public interface Routes {
        Reply answer(String path, String query);
    }

    private final String role;
    private final Routes routes;
    private volatile HttpServer server;
    private volatile long delayMillis;
    private volatile int failWith;
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<String> traceparents = new ConcurrentLinkedQueue<>();
    private int port;

    public StubService(String role, Routes routes) {
        this.role = role;
        this.routes = routes;
        start();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Listens (again, on the same port). */
    public synchronized void start() {
        // answer in one packet: the JDK server otherwise meets the client's delayed ACK and every call takes 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Stops listening: calls are refused, as when the service is down. */
    public synchronized void stop() {
        server.stop(0);
    }

    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Answers every call with this status (0: answer normally), as a failing service does. */
    public void failWith(int status) {
        failWith = status;
    }

    /** The W3C trace context headers of the calls received so far. */
    public List<String> traceparents() {
        return List.copyOf(traceparents);
    }

    /** Requests that reached the service (a refused connection never does). */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            traceparents.add(traceparent);
        }
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            URI uri = exchange.getRequestURI();
            Reply reply = !authorised(exchange.getRequestHeaders().getFirst("Authorization")) ? new Reply(401, "{\"status\":401}")
                    : failWith != 0 ? new Reply(failWith, "{\"status\":" + failWith + "}")
                    : routes.answer(uri.getPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery());
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.status() == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real services' check: an RS256 token signed by the trusted key, carrying the role. */
    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = header.substring(7).split("\\.");
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKeyBase64())));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2])) && claims.contains("\"" + role + "\"");
        } catch (Exception e) {
            return false;
        }
    }
}
