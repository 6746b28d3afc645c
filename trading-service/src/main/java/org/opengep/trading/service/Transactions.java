package org.opengep.trading.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain JDBC work in the caller's transaction (or a new one): the ledger's hot paths do not go through an ORM. */
final class Transactions {

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transactions() {}

    static <T> T jdbc(DataSource dataSource, Work<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        });
    }
}
