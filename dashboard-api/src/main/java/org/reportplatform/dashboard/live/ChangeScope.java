package org.reportplatform.dashboard.live;

import java.util.Optional;
import java.util.function.Predicate;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Which changes a stream carries: those of a region and every region within it, optionally of one indicator and
 * one period. The region is the one a reader may see; access control (a token's region) narrows it before the
 * scope is made, so the stream never needs to know about tokens.
 */
public record ChangeScope(RegionCode region, Optional<IndicatorCode> indicator, Optional<PeriodCode> period) {

    public Predicate<AggregateChange> matcher(RegionRegistry regions) {
        return change -> indicator.map(code -> code.value().equals(change.indicator())).orElse(true)
                && period.map(code -> code.value().equals(change.period())).orElse(true)
                && regions.isWithin(RegionCode.of(change.region()), region);
    }
}
