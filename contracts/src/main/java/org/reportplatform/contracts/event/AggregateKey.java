package org.reportplatform.contracts.event;

import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/** The key of {@code platform.topics.aggregates}: {@code indicator|region|period}. */
public record AggregateKey(IndicatorCode indicator, RegionCode region, PeriodCode period) {

    private static final char SEPARATOR = '|';

    public static AggregateKey parse(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an aggregate key is indicator|region|period: " + key);
        }
        return new AggregateKey(IndicatorCode.of(parts[0]), RegionCode.of(parts[1]), PeriodCode.of(parts[2]));
    }

    @Override
    public String toString() {
        return indicator.value() + SEPARATOR + region.value() + SEPARATOR + period.value();
    }
}
