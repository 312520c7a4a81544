package org.reportplatform.dashboard.listener;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.problem.DatabaseFailures;

/**
 * Holds a write while the database cannot be reached and tries again, with a growing pause, until it is back. A
 * database restart is an outage to wait out: failing the channel instead would stop the read model until someone
 * restarts the service. Offsets are committed only after the write, so nothing is lost while waiting; any other
 * failure still propagates.
 */
@ApplicationScoped
class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /** Runs {@code write} (its own transaction) until it succeeds or fails for a reason other than an outage. */
    void writeOnceAvailable(String what, Runnable write) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                if (attempt > 1) {
                    LOG.infof("Database reachable again: wrote %s at attempt %d", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warnf("Database unavailable: holding %s until it is back (%s)", what, e.getMessage());
                }
                pauseFor(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
