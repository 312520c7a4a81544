package org.reportplatform.dashboard.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.CountedSubmission;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

/** One row of the read model: the latest {@link AggregateEvent} of its key. */
@Entity
public class Aggregate {

    @EmbeddedId
    public AggregateId id;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    /** The region this one rolls up into; null for a province. */
    @Column(name = "parent_region")
    public String parentRegion;

    /** Null when no unit reported the indicator. */
    public BigDecimal value;

    public BigDecimal numerator;

    public BigDecimal denominator;

    @Column(name = "reporting_units")
    public int reportingUnits;

    @Column(name = "withheld_units")
    public int withheldUnits;

    @Column(name = "expected_units")
    public int expectedUnits;

    /** Units that stated some sub-periods of this longer period but not every one up to its end: not in the figure. */
    @Column(name = "incomplete_units")
    public int incompleteUnits;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** At county level, the submission versions the figure is made of, as indicator-service selected them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> sources = List.of();

    /** The row of an event about {@code region}, placed in the hierarchy as the registry places it. */
    public static Aggregate of(AggregateEvent event, Region region) {
        Aggregate row = new Aggregate();
        row.id = AggregateId.of(event.key());
        row.level = region.level();
        row.parentRegion = region.parent().map(RegionCode::value).orElse(null);
        row.value = event.value();
        row.numerator = event.numerator();
        row.denominator = event.denominator();
        row.reportingUnits = event.reportingUnits();
        row.withheldUnits = event.withheldUnits();
        row.expectedUnits = event.expectedUnits();
        row.incompleteUnits = event.incompleteUnits();
        row.updatedAt = event.updatedAt();
        row.sources = event.sources().isEmpty() ? List.of()
                : event.sources().stream().map(CountedSubmission::submissionId).toList();
        return row;
    }
}
