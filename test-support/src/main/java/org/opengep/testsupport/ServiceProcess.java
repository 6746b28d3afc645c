package org.opengep.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A packaged service run as a process of its own, as in production: {@code java -jar} with its configuration in the
 * environment, on a free port, its output in a log file. Waits until the service is ready.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;

    private ServiceProcess(Process process, int port, Path log, ProcessBuilder builder) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.builder = builder;
    }

    /** Starts the jar with these environment variables; {@code portVariable} is set to a free port. */
    public static ServiceProcess start(String jar, String portVariable, Map<String, String> environment) throws IOException, InterruptedException {
        return start(jar, portVariable, freePort(), environment);
    }

    /** Starts the jar on a given port (so that other services can be told its URL before it runs). */
    public static ServiceProcess start(String jar, String portVariable, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("service-" + port, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.put(portVariable, Integer.toString(port));
        builder.environment().putAll(env);
        return launch(builder, port, log);
    }

    private static ServiceProcess launch(ProcessBuilder builder, int port, Path log) throws IOException, InterruptedException {
        ServiceProcess service = new ServiceProcess(builder.start(), port, log, builder);
        service.awaitReady(Duration.ofSeconds(90));
        return service;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown hook, no graceful close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the same jar again, on the same port and with the same configuration, once this process has ended. */
    public ServiceProcess restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("still running: stop or kill it first");
        }
        return launch(builder, port, log);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped; its log:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready in " + timeout + "; its log:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
