package org.reportplatform.indicators.streams;

import java.time.Clock;
import java.time.Instant;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.AggregateEvent;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.indicators.domain.Figure;

/** A kept figure as the aggregates topic carries it. */
final class FigureEvents {

    private final Catalogue catalogue;
    private final RegionRegistry regions;
    private final FormAssignments assignments;
    private final Clock clock;

    FigureEvents(Catalogue catalogue, RegionRegistry regions, Clock clock) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.assignments = new FormAssignments(catalogue, regions);
        this.clock = clock;
    }

    AggregateEvent of(AggregateKey key, Figure figure) {
        Indicator indicator = catalogue.indicator(key.indicator()).orElseThrow();
        boolean hasComponents = indicator.rule().needsComponents();
        return new AggregateEvent(
                key.indicator(),
                key.region(),
                regions.find(key.region()).map(Region::level).orElseThrow(),
                key.period(),
                figure.tally().valueUnder(indicator),
                hasComponents ? figure.tally().numerator() : null,
                hasComponents ? figure.tally().denominator() : null,
                figure.tally().reportingUnits(),
                figure.tally().withheldUnits(),
                assignments.unitsExpectedToReport(key.indicator(), key.region(), key.period()),
                Instant.now(clock),
                key.kind(),
                key.basis(),
                figure.tally().incompleteUnits(),
                figure.sources());
    }
}
