package org.reportplatform.contracts.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Locale;

/** Tells a database that cannot be reached, which a moment may mend, from every other failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Deep enough for any wrapping seen; a bound, because causes and suppressed exceptions can form cycles. */
    private static final int MAX_DEPTH = 12;

    /**
     * A connection that cannot be had or was cut (SQLState class 08), a server shutting down or starting up (57P01,
     * 57P02, 57P03), a transient SQL failure or the pool's acquisition timeout, anywhere among the causes and the
     * suppressed exceptions (a failed commit carries the driver's error as a suppressed one): what was asked was
     * fine and may succeed in a moment.
     */
    public static boolean isUnavailable(Throwable exception) {
        return isUnavailable(exception, 0);
    }

    private static boolean isUnavailable(Throwable exception, int depth) {
        if (exception == null || depth > MAX_DEPTH) {
            return false;
        }
        if (exception instanceof SQLTransientException || exception instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (exception instanceof SQLException sql && (isUnavailableState(sql.getSQLState())
                || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout"))) {
            return true;
        }
        for (Throwable suppressed : exception.getSuppressed()) {
            if (isUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return exception.getCause() != exception && isUnavailable(exception.getCause(), depth + 1);
    }

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
