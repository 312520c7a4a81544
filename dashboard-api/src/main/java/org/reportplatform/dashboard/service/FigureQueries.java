package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.domain.AggregateRepository;
import org.reportplatform.dashboard.service.Ranking.Ranked;

/**
 * Reads figures from the read model; regions without a row yet still appear, with no value. Each answer reads the
 * rows of the asked period and of the year before, actuals and targets, of one basis, in one query.
 */
@ApplicationScoped
public class FigureQueries {

    private final AggregateRepository repository;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final FormAssignments assignments;

    FigureQueries(AggregateRepository repository, ReferenceData reference, RegionRegistry regions,
                  FormAssignments assignments) {
        this.repository = repository;
        this.reference = reference;
        this.regions = regions;
        this.assignments = assignments;
    }

    public RegionFigure figure(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        Rows rows = Rows.of(indicator, period, basis, periods ->
                repository.ofRegion(indicator.code().value(), region.code().value(), periods, basis));
        return figure(indicator, region, rows);
    }

    /** The figure in each of {@code periods}, in their order. */
    public Trend trend(String indicatorCode, RegionCode regionCode, List<PeriodCode> periods, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        List<RegionFigure> figures = periods.stream()
                .map(period -> figure(indicator.code().value(), region.code(), period, basis))
                .toList();
        return new Trend(indicator.code(), region.code(), region.name(), indicator.unit(), basis, figures);
    }

    public ChildFigures children(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        Rows rows = Rows.of(indicator, period, basis, periods ->
                repository.ofRegionAndChildren(indicator.code().value(), region.code().value(), periods, basis));
        RegionFigure parent = figure(indicator, region, rows);
        // by code, so that tied and unranked children are listed in a stable order
        List<Region> children = regions.children(region.code()).stream()
                .sorted(Comparator.comparing(Region::code))
                .toList();
        List<ChildFigure> ranked = Ranking.rank(children, child -> rows.valueOf(child.code()), indicator.better()).stream()
                .map(entry -> childFigure(indicator, entry, parent.value(), rows))
                .toList();
        return new ChildFigures(indicator.code(), region.code(), period, basis, parent, ranked);
    }

    private RegionFigure figure(Indicator indicator, Region region, Rows rows) {
        YearOverYear yearOverYear = rows.yearOverYear(region.code());
        Target target = rows.target(region.code());
        return rows.current(region.code())
                .map(row -> RegionFigure.of(indicator, region, rows.period(), rows.basis(), row, target, yearOverYear))
                .orElseGet(() -> RegionFigure.notYetReported(indicator, region, rows.period(), rows.basis(),
                        assignments.unitsExpectedToReport(indicator.code(), region.code()), target, yearOverYear));
    }

    private ChildFigure childFigure(Indicator indicator, Ranked<Region> entry, BigDecimal parentValue, Rows rows) {
        Region child = entry.item();
        YearOverYear yearOverYear = rows.yearOverYear(child.code());
        Target target = rows.target(child.code());
        return rows.current(child.code())
                .map(row -> new ChildFigure(child.code(), child.name(), row.value, row.reportingUnits,
                        row.expectedUnits, row.withheldUnits, entry.rank(), shareOf(indicator, row.value, parentValue),
                        target, yearOverYear))
                .orElseGet(() -> new ChildFigure(child.code(), child.name(), null, 0,
                        assignments.unitsExpectedToReport(indicator.code(), child.code()), 0, null, null, target,
                        yearOverYear));
    }

    /** Only a sum is made of its parts: a ratio or an average of a child is no share of the parent's. */
    private static BigDecimal shareOf(Indicator indicator, BigDecimal value, BigDecimal parentValue) {
        return indicator.rule() == AggregationRule.SUM ? Percentages.of(value, parentValue) : null;
    }

    /** The rows of one indicator and basis in the asked period and in the period a year earlier, by region and kind. */
    private record Rows(Indicator indicator, PeriodCode period, Basis basis, Optional<PeriodCode> previousPeriod,
                        Map<AggregateId, Aggregate> byId) {

        static Rows of(Indicator indicator, PeriodCode period, Basis basis, Function<List<String>, List<Aggregate>> query) {
            Optional<PeriodCode> previousPeriod = period.previousYear();
            List<String> periods = Stream.concat(Stream.of(period), previousPeriod.stream()).map(PeriodCode::value).toList();
            Map<AggregateId, Aggregate> byId = query.apply(periods).stream()
                    .collect(Collectors.toMap(row -> row.id, Function.identity()));
            return new Rows(indicator, period, basis, previousPeriod, byId);
        }

        Optional<Aggregate> current(RegionCode region) {
            return row(region, period, ValueKind.ACTUAL);
        }

        Target target(RegionCode region) {
            BigDecimal target = row(region, period, ValueKind.TARGET).map(row -> row.value).orElse(null);
            return Target.of(valueOf(region), target);
        }

        BigDecimal valueOf(RegionCode region) {
            return current(region).map(row -> row.value).orElse(null);
        }

        YearOverYear yearOverYear(RegionCode region) {
            BigDecimal previousValue = previousPeriod.flatMap(previous -> row(region, previous, ValueKind.ACTUAL))
                    .map(row -> row.value).orElse(null);
            return YearOverYear.of(indicator, valueOf(region), previousPeriod.orElse(null), previousValue);
        }

        private Optional<Aggregate> row(RegionCode region, PeriodCode period, ValueKind kind) {
            return Optional.ofNullable(byId.get(new AggregateId(indicator.code().value(), region.value(), period.value(),
                    kind.name(), AggregateId.columnOf(basis))));
        }
    }
}
