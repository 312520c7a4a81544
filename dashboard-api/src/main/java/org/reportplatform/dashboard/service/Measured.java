package org.reportplatform.dashboard.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.reportplatform.dashboard.domain.Aggregate;

/**
 * What the read model says of one region in one answer: its row (or none yet), with the target and the comparison
 * recomputed from its units' rows.
 */
record Measured(Optional<Aggregate> row, int expectedUnits, Target target, YearOverYear yearOverYear) {

    BigDecimal value() {
        return row.map(r -> r.value).orElse(null);
    }

    BigDecimal numerator() {
        return row.map(r -> r.numerator).orElse(null);
    }

    BigDecimal denominator() {
        return row.map(r -> r.denominator).orElse(null);
    }

    int reportingUnits() {
        return row.map(r -> r.reportingUnits).orElse(0);
    }

    int withheldUnits() {
        return row.map(r -> r.withheldUnits).orElse(0);
    }

    int incompleteUnits() {
        return row.map(r -> r.incompleteUnits).orElse(0);
    }

    Instant updatedAt() {
        return row.map(r -> r.updatedAt).orElse(null);
    }

    /** A value that leaves out some expected units: withheld, incomplete or not yet reported. */
    boolean partial() {
        return value() != null && reportingUnits() < expectedUnits;
    }
}
