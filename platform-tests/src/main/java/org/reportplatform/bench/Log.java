package org.reportplatform.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines for the operator watching a run that takes many minutes. */
final class Log {

    private Log() {
    }

    static void step(String section, String message) {
        System.out.printf("%s  %-28s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), section, message);
    }
}
