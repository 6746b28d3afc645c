package org.opengep.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL database for tests, chosen in this order:
 * <ol>
 *   <li>a server given by the environment ({@code GEP_TEST_DB_URL}, {@code GEP_TEST_DB_USER},
 *       {@code GEP_TEST_DB_PASSWORD}): a fresh database is created on it for each test run;</li>
 *   <li>Testcontainers PostgreSQL when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL (binaries from Maven Central), so a machine with only a JDK runs the tests.</li>
 * </ol>
 */
public final class PostgresDatabase implements AutoCloseable {

    public static final String URL_ENV = "GEP_TEST_DB_URL";
    public static final String USER_ENV = "GEP_TEST_DB_USER";
    public static final String PASSWORD_ENV = "GEP_TEST_DB_PASSWORD";

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String kind;
    private final AutoCloseable owner;

    private PostgresDatabase(String kind, String jdbcUrl, String username, String password, AutoCloseable owner) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.owner = owner;
    }

    public static PostgresDatabase start(String databaseName) {
        String configured = System.getenv(URL_ENV);
        if (configured != null && !configured.isBlank()) {
            return onConfiguredServer(configured, env(USER_ENV, "postgres"), env(PASSWORD_ENV, "postgres"), databaseName);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine").withDatabaseName(databaseName);
            container.start();
            return new PostgresDatabase("testcontainers", container.getJdbcUrl(), container.getUsername(),
                    container.getPassword(), container::stop);
        }
        return embedded(databaseName, null, 0);
    }

    /**
     * An embedded server. With a data directory the data survives restarts (local runs); without one
     * it lives in a temporary directory (tests). Port 0 picks a free port.
     */
    public static PostgresDatabase embedded(String databaseName, Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            String adminUrl = pg.getJdbcUrl("postgres", "postgres");
            createIfMissing(adminUrl, "postgres", "postgres", databaseName);
            return new PostgresDatabase("embedded", pg.getJdbcUrl("postgres", databaseName), "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static PostgresDatabase onConfiguredServer(String url, String user, String password, String databaseName) {
        String fresh = (databaseName + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        createIfMissing(url, user, password, fresh);
        String freshUrl = url.replaceFirst("/[^/?]*(\\?|$)", "/" + fresh + "$1");
        return new PostgresDatabase("configured", freshUrl, user, password, () -> dropQuietly(url, user, password, fresh));
    }

    private static void createIfMissing(String adminUrl, String user, String password, String databaseName) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + databaseName + "'");
            if (!rs.next()) {
                s.execute("create database " + databaseName);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + databaseName + " via " + adminUrl, e);
        }
    }

    /** Creates another database on the same server (one database per service). */
    public static void createDatabase(PostgresDatabase server, String databaseName) {
        createIfMissing(server.jdbcUrl(), server.username(), server.password(), databaseName);
    }

    private static void dropQuietly(String adminUrl, String user, String password, String databaseName) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + databaseName + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + databaseName + ": " + e.getMessage());
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** configured, testcontainers or embedded. */
    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            System.err.println("could not stop test PostgreSQL: " + e.getMessage());
        }
    }
}
