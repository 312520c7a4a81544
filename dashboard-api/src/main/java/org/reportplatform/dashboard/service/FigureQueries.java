package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.domain.AggregateRepository;

/** Reads figures from the read model; regions without a row yet still appear, with no value. */
@ApplicationScoped
public class FigureQueries {

    private final AggregateRepository repository;
    private final ReferenceData reference;
    private final RegionRegistry regions;

    FigureQueries(AggregateRepository repository, ReferenceData reference, RegionRegistry regions) {
        this.repository = repository;
        this.reference = reference;
        this.regions = regions;
    }

    public RegionFigure figure(String indicatorCode, RegionCode regionCode, PeriodCode period) {
        return figure(reference.indicator(indicatorCode), reference.region(regionCode), period);
    }

    public ChildFigures children(String indicatorCode, RegionCode regionCode, PeriodCode period) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        Map<RegionCode, Aggregate> rows = repository
                .childrenOf(indicator.code().value(), period.value(), region.code().value()).stream()
                .collect(Collectors.toMap(row -> RegionCode.of(row.id.region()), Function.identity()));
        // by code, so that tied and unranked children are listed in a stable order
        List<Region> children = regions.children(region.code()).stream()
                .sorted(Comparator.comparing(Region::code))
                .toList();
        Function<Region, BigDecimal> valueOf = child -> {
            Aggregate row = rows.get(child.code());
            return row == null ? null : row.value;
        };
        List<ChildFigure> ranked = Ranking.rank(children, valueOf, indicator.better()).stream()
                .map(entry -> childFigure(entry.item(), rows.get(entry.item().code()), entry.rank()))
                .toList();
        return new ChildFigures(indicator.code(), region.code(), period, figure(indicator, region, period), ranked);
    }

    private RegionFigure figure(Indicator indicator, Region region, PeriodCode period) {
        return repository.findByIdOptional(AggregateId.of(new AggregateKey(indicator.code(), region.code(), period)))
                .map(row -> RegionFigure.of(indicator, region, period, row))
                .orElseGet(() -> RegionFigure.notYetReported(indicator, region, period,
                        regions.reportingUnitsWithin(region.code())));
    }

    private ChildFigure childFigure(Region child, Aggregate row, Integer rank) {
        if (row == null) {
            return new ChildFigure(child.code(), child.name(), null, 0, regions.reportingUnitsWithin(child.code()), 0, null);
        }
        return new ChildFigure(child.code(), child.name(), row.value, row.reportingUnits, row.expectedUnits,
                row.withheldUnits, rank);
    }
}
