package org.opengep.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.opengep.testsupport.PostgresDatabase;
import org.opengep.testsupport.ServiceProcess;
import org.opengep.testsupport.TestTokens;

/**
 * The whole system as in production, on this machine: a real PostgreSQL (embedded, its data in a temporary directory
 * so that it can be stopped and started again) with one database per service, and the three packaged services as
 * processes of their own on fixed ports, each knowing the others' URLs, trusting the test issuer and signing its own
 * service token with the issuer's key.
 */
final class RunningSystem implements AutoCloseable {

    private final Path dataDirectory;
    private final int postgresPort;
    private PostgresDatabase postgres;
    ServiceProcess accounting;
    ServiceProcess registry;
    ServiceProcess trading;
    final Platform platform;

    RunningSystem() throws IOException, InterruptedException {
        dataDirectory = Files.createTempDirectory("gep-system-pg");
        postgresPort = ServiceProcess.freePort();
        startPostgres();
        PostgresDatabase.createDatabase(postgres, "gep_registry");
        PostgresDatabase.createDatabase(postgres, "gep_trading");
        int accountingPort = ServiceProcess.freePort();
        int registryPort = ServiceProcess.freePort();
        int tradingPort = ServiceProcess.freePort();
        platform = new Platform("http://localhost:" + accountingPort, "http://localhost:" + registryPort, "http://localhost:" + tradingPort);

        Map<String, String> common = new HashMap<>();
        common.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        common.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", TestTokens.publicKeyFile().toUri().toString());
        common.put("GEP_SERVICE_SIGNING_KEY_LOCATION", TestTokens.privateKeyFile().toUri().toString());

        Map<String, String> env = new HashMap<>(common);
        env.put("GEP_ACCOUNTING_DB_URL", jdbcUrl("gep_accounting"));
        env.put("GEP_TRADING_URL", platform.trading().url());
        // the warm-up (a national run's JIT compilation before readiness) is not what these tests are about
        env.put("GEP_ACCOUNTING_WARM_UP_ACCOUNTS", "0");
        env.put("GEP_ACCOUNTING_WARM_UP_ROLLED_BACK_JOBS", "0");
        accounting = ServiceProcess.start(jar("accounting.jar"), "GEP_ACCOUNTING_PORT", accountingPort, env);

        env = new HashMap<>(common);
        env.put("GEP_REGISTRY_DB_URL", jdbcUrl("gep_registry"));
        env.put("GEP_ACCOUNTING_URL", platform.accounting().url());
        env.put("GEP_TRADING_URL", platform.trading().url());
        registry = ServiceProcess.start(jar("registry.jar"), "GEP_REGISTRY_PORT", registryPort, env);

        env = new HashMap<>(common);
        env.put("GEP_TRADING_DB_URL", jdbcUrl("gep_trading"));
        env.put("GEP_REGISTRY_URL", platform.registry().url());
        // the registry's answers are kept one second, so that a stopped registry shows at once
        env.put("GEP_TRADING_REGISTRY_CACHE_TTL", "1s");
        env.put("GEP_TRADING_FEED_EVERY", "2s");
        env.put("GEP_TRADING_DAYS", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        trading = ServiceProcess.start(jar("trading.jar"), "GEP_TRADING_PORT", tradingPort, env);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    private static String jar(String property) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no packaged service at " + jar + " (system property " + property + "); run `./mvnw verify`");
        }
        return jar;
    }

    private void startPostgres() {
        postgres = PostgresDatabase.embedded("gep_accounting", dataDirectory, postgresPort);
    }

    /** Stops PostgreSQL and starts it again on the same port with the same data, as a database failover or restart does. */
    void restartPostgres() {
        postgres.close();
        startPostgres();
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] {trading, registry, accounting}) {
            if (service != null) {
                service.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
