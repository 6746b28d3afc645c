package org.opengep.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a Quarkus test run a real PostgreSQL (see {@link PostgresDatabase} for which one) and the public
 * key tests sign their JWTs for. Register with {@code @WithTestResource(PostgresTestResource.class)}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresDatabase database;

    @Override
    public Map<String, String> start() {
        database = PostgresDatabase.start("gep_test");
        System.out.println("Tests use " + database.kind() + " PostgreSQL at " + database.jdbcUrl());
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                // services sign their own tokens for calls to each other with the test issuer's key
                "smallrye.jwt.sign.key.location", TestTokens.privateKeyFile().toUri().toString());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
