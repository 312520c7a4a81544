package org.reportplatform.dashboard.support;

import java.math.BigDecimal;
import java.time.Instant;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionLevel;

/** Aggregate events for tests. */
public final class Events {

    public static final Instant UPDATED_AT = Instant.parse("2021-03-01T08:00:00Z");

    private Events() {
    }

    /** The figure of a county: one expected unit, which reported. */
    public static AggregateEvent county(String indicator, String region, String period, String value) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.COUNTY,
                PeriodCode.of(period), new BigDecimal(value), null, null, 1, 0, 1, UPDATED_AT);
    }

    /** A county whose only unit withheld the figure: a row, but no value. */
    public static AggregateEvent withheldCounty(String indicator, String region, String period) {
        return new AggregateEvent(IndicatorCode.of(indicator), RegionCode.of(region), RegionLevel.COUNTY,
                PeriodCode.of(period), null, null, null, 0, 1, 1, UPDATED_AT);
    }
}
