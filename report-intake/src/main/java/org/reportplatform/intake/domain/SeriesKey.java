package org.reportplatform.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What revisions share: one region's submissions of one form for one period. */
@Embeddable
public record SeriesKey(
        @Column(name = "region", length = 6) String region,
        @Column(name = "dataset", length = 64) String dataset,
        @Column(name = "period", length = 16) String period) {
}
