package org.reportplatform.contracts.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is a 503 to retry, whatever wraps the JDBC failure; anything else stays a 500. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreUnavailability() {
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("Connection refused", "08001"))))).isTrue();
        assertThat(ProblemMappers.isDatabaseUnavailable(new RuntimeException(
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(ProblemMappers.isDatabaseUnavailable(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMappers.isDatabaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
