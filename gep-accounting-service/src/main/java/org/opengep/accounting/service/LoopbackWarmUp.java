package org.opengep.accounting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opengep.common.client.ServiceToken;
import org.opengep.common.security.Roles;

/**
 * The warm-up's calls to the service's own endpoints over loopback, so that the JIT has compiled the HTTP path of a
 * sum up the tree (Vert.x, routing, authentication, the resource, writing the answer) before the service reports
 * ready: a national run's 374 sums are otherwise too few to get it compiled, and in the first run after a start nearly
 * half of their CPU went to the compilers. Each call carries a token the service signs with its own key (as its calls to other
 * services do), with the read role only and a lifetime of a few minutes. Where the service's verifier does not trust
 * that key, or nothing listens on the loopback port, a call fails and the warm-up sums in process instead.
 */
@ApplicationScoped
public class LoopbackWarmUp {

    /** Calls in flight at once, as a dashboard or the benchmark's client sends them. */
    private static final int IN_FLIGHT = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ServiceToken tokens;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    /** The service's own address on loopback. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The warm-up's token: signed with the service's own key, the read role only, for five minutes. */
    String bearer() {
        return tokens.bearer("warm-up", Set.of(Roles.Accounting.READER), Duration.ofMinutes(5));
    }

    /**
     * GETs the sum of the children of every region of {@code parents} in {@code year}, {@code rounds} times; returns the
     * number of sums answered. Fails at the first answer that is not a 200.
     */
    int sums(URI base, List<String> parents, int year, String method, int rounds) throws IOException {
        String bearer = bearer();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<String> refusal = new AtomicReference<>();
        int answered = 0;
        try {
            for (int round = 0; round < rounds && refusal.get() == null; round++) {
                for (String parent : parents) {
                    inFlight.acquire();
                    if (refusal.get() != null) {
                        inFlight.release();
                        break;
                    }
                    URI sum = base.resolve("api/v1/regions/" + parent + "/gep?year=" + year + "&basis=children&methodVersion="
                            + URLEncoder.encode(method, StandardCharsets.UTF_8));
                    HttpRequest request = HttpRequest.newBuilder(sum).header("Authorization", bearer).timeout(TIMEOUT).build();
                    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                        if (failure != null || answer.statusCode() != 200) {
                            refusal.compareAndSet(null, request.uri() + (failure != null ? " failed: " + failure
                                    : " answered " + answer.statusCode()));
                        }
                        inFlight.release();
                    });
                    answered++;
                }
            }
            inFlight.acquire(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (refusal.get() != null) {
            throw new IOException(refusal.get());
        }
        return answered;
    }
}
