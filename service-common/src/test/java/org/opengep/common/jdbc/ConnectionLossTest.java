package org.opengep.common.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the database going away (a 503 to retry with the key) and which are not (a bug or a conflict). */
class ConnectionLossTest {

    @Test
    void aBrokenOrRefusedConnectionAShutdownAndAnExhaustedPoolAreLossesWhereverTheyAreInTheCauses() {
        assertThat(ConnectionLoss.in(new SQLException("An I/O error occurred", "08006"))).isTrue();
        assertThat(ConnectionLoss.in(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(ConnectionLoss.in(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(ConnectionLoss.in(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(ConnectionLoss.in(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(ConnectionLoss.in(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(ConnectionLoss.in(new IllegalStateException("could not store", new RuntimeException(new SQLException("gone", "08003"))))).isTrue();
    }

    @Test
    void constraintsDeadlocksAndOtherFailuresAreNot() {
        assertThat(ConnectionLoss.in(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionLoss.in(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(ConnectionLoss.in(new SQLException("no state"))).isFalse();
        assertThat(ConnectionLoss.in(new NullPointerException())).isFalse();
        assertThat(ConnectionLoss.noticed(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
