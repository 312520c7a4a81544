package org.reportplatform.contracts.event;

import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * The key of {@code platform.topics.aggregates}: {@code indicator|region|period|kind|basis}, e.g.
 * {@code pre_enrolled_children|360000|2020|actual|received}.
 */
public record AggregateKey(IndicatorCode indicator, RegionCode region, PeriodCode period, ValueKind kind, Basis basis) {

    private static final char SEPARATOR = '|';

    public static AggregateKey parse(String key) {
        String[] parts = key.split("\\|", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("an aggregate key is indicator|region|period|kind|basis: " + key);
        }
        return new AggregateKey(IndicatorCode.of(parts[0]), RegionCode.of(parts[1]), PeriodCode.of(parts[2]),
                ValueKind.of(parts[3]), Basis.of(parts[4]));
    }

    /** The key of the same figure for another region: what a roll-up groups by. */
    public AggregateKey withRegion(RegionCode other) {
        return new AggregateKey(indicator, other, period, kind, basis);
    }

    @Override
    public String toString() {
        return indicator.value() + SEPARATOR + region.value() + SEPARATOR + period.value()
                + SEPARATOR + kind.json() + SEPARATOR + basis.json();
    }
}
