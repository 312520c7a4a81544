package org.reportplatform.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is an outage to wait out (a 503, a held batch), whatever wraps the JDBC failure; anything else stays a 500. */
class DatabaseFailuresTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailability() {
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("Connection refused", "08001"))))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingUpIsUnavailability() {
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(
                new SQLException("FATAL: the database system is starting up", "57P03")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void aCommitCutOffCarriesTheDriverErrorAsASuppressedException() {
        IllegalStateException rollback = new IllegalStateException("Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(xa);
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(rollback))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
        IllegalStateException rollback = new IllegalStateException("Could not commit transaction.");
        rollback.addSuppressed(new SQLException("deadlock detected", "40P01"));
        assertThat(DatabaseFailures.isUnavailable(rollback)).isFalse();
    }
}
