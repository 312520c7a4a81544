package org.reportplatform.dashboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.AggregationRule;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.period.PeriodType;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;
import org.reportplatform.dashboard.domain.AggregateRepository;
import org.reportplatform.dashboard.service.Ranking.Ranked;

/**
 * Reads figures from the read model; regions without a row yet still appear, with no value. Each answer reads, in
 * one query, the rows of the region (and its children) and of every unit within it, actuals and targets of one basis,
 * in the covered period, the year before and the target's period: completion and the year-over-year change are
 * recomputed from the units' rows, over the units that make them comparable.
 */
@ApplicationScoped
public class FigureQueries {

    private final AggregateRepository repository;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final FormAssignments assignments;
    private final Catalogue catalogue;
    private final RegionTargets ownTargets;

    FigureQueries(AggregateRepository repository, ReferenceData reference, RegionRegistry regions,
                  FormAssignments assignments, Catalogue catalogue, RegionTargets ownTargets) {
        this.repository = repository;
        this.reference = reference;
        this.regions = regions;
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.ownTargets = ownTargets;
    }

    public RegionFigure figure(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        return figure(indicator, region, periodsOf(indicator, region, period, basis), basis);
    }

    /** The figure in each of {@code periods}, in their order, each to its own cut-off. */
    public Trend trend(String indicatorCode, RegionCode regionCode, List<PeriodCode> periods, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        List<RegionFigure> figures = periods.stream()
                .map(period -> figure(indicator, region, periodsOf(indicator, region, period, basis), basis))
                .toList();
        return new Trend(indicator.code(), region.code(), region.name(), indicator.unit(), basis, figures);
    }

    /** The children at the parent's cut-off, the complete ones ranked and the partial ones apart. */
    public ChildFigures children(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        FigurePeriods periods = periodsOf(indicator, region, period, basis);
        // as they were in the period (赣州's units of 2015 hold 赣县 360721), by code, so that tied and unranked children
        // are listed in a stable order
        List<Region> children = regions.children(region.code(), periods.covered());
        List<Region> read = Stream.concat(Stream.of(region), children.stream()).toList();
        Rows rows = rows(indicator, region, read, periods, basis);
        Map<RegionCode, BigDecimal> targets = ownTargets.of(indicator, read.stream().map(Region::code).toList(),
                periods.target(), basis);
        Measured parent = measure(indicator, region, rows, targets);
        Map<Region, Measured> measured = children.stream()
                .collect(Collectors.toMap(Function.identity(), child -> measure(indicator, child, rows, targets)));
        List<ChildFigure> ranked = Ranking.rankApart(children, child -> measured.get(child).value(),
                        child -> !measured.get(child).partial(), indicator.better()).stream()
                .map(entry -> childFigure(indicator, entry, measured.get(entry.item()), parent.value()))
                .toList();
        return new ChildFigures(indicator.code(), region.code(), period, basis,
                RegionFigure.of(indicator, region, periods, basis, parent), ranked);
    }

    private RegionFigure figure(Indicator indicator, Region region, FigurePeriods periods, Basis basis) {
        Rows rows = rows(indicator, region, List.of(region), periods, basis);
        Map<RegionCode, BigDecimal> targets = ownTargets.of(indicator, List.of(region.code()), periods.target(), basis);
        return RegionFigure.of(indicator, region, periods, basis, measure(indicator, region, rows, targets));
    }

    /**
     * The periods the figure is read in. A longer period of the owner form's sub-periods is served at the latest of
     * it to date that has a figure at the region (reported or withheld); a year to date asked directly is served as is.
     */
    private FigurePeriods periodsOf(Indicator indicator, Region region, PeriodCode asked, Basis basis) {
        Optional<PeriodType> formType = catalogue.ownerFormOf(indicator.code()).flatMap(catalogue::dataset)
                .map(Dataset::periodType);
        if (formType.isEmpty() || formType.get() == asked.type()) {
            return FigurePeriods.asIs(asked);
        }
        if (asked.type() == PeriodType.YEAR_TO_DATE) {
            return FigurePeriods.toDate(asked, asked, formType.get());
        }
        List<PeriodCode> toDate = asked.toDate(formType.get());
        Map<String, Aggregate> withFigure = repository.ofRegion(indicator.code().value(), region.code().value(),
                        toDate.stream().map(PeriodCode::value).toList(), basis).stream()
                .filter(row -> ValueKind.ACTUAL.name().equals(row.id.kind()))
                .filter(row -> row.reportingUnits + row.withheldUnits > 0)
                .collect(Collectors.toMap(row -> row.id.period(), Function.identity()));
        // nothing counted yet: no cut-off to speak of
        return toDate.stream().filter(period -> withFigure.containsKey(period.value())).findFirst()
                .map(covered -> FigurePeriods.toDate(asked, covered, formType.get()))
                .orElseGet(() -> FigurePeriods.asIs(asked));
    }

    /** The rows of {@code read} and of every unit within {@code region}, in the periods the answer reads. */
    private Rows rows(Indicator indicator, Region region, List<Region> read, FigurePeriods periods, Basis basis) {
        List<String> codes = Stream.of(read.stream(), unitsIn(region, periods.covered()).stream(),
                        unitsIn(region, periods.previous()).stream())
                .flatMap(Function.identity())
                .map(r -> r.code().value()).distinct().toList();
        List<Aggregate> found = repository.ofRegions(indicator.code().value(), codes,
                periods.read().map(PeriodCode::value).toList(), basis);
        return new Rows(indicator, basis, periods,
                found.stream().collect(Collectors.toMap(row -> row.id, Function.identity())));
    }

    private Measured measure(Indicator indicator, Region region, Rows rows, Map<RegionCode, BigDecimal> ownTargets) {
        FigurePeriods periods = rows.periods();
        Optional<Aggregate> row = rows.row(region.code(), periods.covered(), ValueKind.ACTUAL);
        int expected = row.map(r -> r.expectedUnits)
                .orElseGet(() -> assignments.unitsExpectedToReport(indicator.code(), region.code(), periods.covered()));
        BigDecimal value = row.map(r -> r.value).orElse(null);
        Map<RegionCode, UnitValue> actuals = rows.units(codesOf(unitsIn(region, periods.covered())), periods.covered(),
                ValueKind.ACTUAL);
        // a unit recoded between the two years (赣县 360721 → 赣县区 360704) is not compared: its code differs
        YearOverYear yearOverYear = YearOverYear.likeForLike(indicator, periods.previous(), actuals,
                rows.units(codesOf(unitsIn(region, periods.previous())), periods.previous(), ValueKind.ACTUAL), expected);
        return new Measured(row, expected, target(indicator, region, value, actuals, rows, ownTargets), yearOverYear);
    }

    /** The reporting units within the region as it was in the period; none for no period. */
    private List<Region> unitsIn(Region region, PeriodCode period) {
        return period == null ? List.of() : regions.reportingUnitsUnder(region.code(), period);
    }

    private static List<RegionCode> codesOf(List<Region> units) {
        return units.stream().map(Region::code).toList();
    }

    private static Target target(Indicator indicator, Region region, BigDecimal value, Map<RegionCode, UnitValue> actuals,
                                 Rows rows, Map<RegionCode, BigDecimal> ownTargets) {
        PeriodCode period = rows.periods().target();
        if (region.isReportingUnit()) {
            return Target.ofUnit(value, rows.row(region.code(), period, ValueKind.TARGET).map(r -> r.value).orElse(null));
        }
        Target overUnits = Target.overUnits(indicator, actuals,
                rows.units(List.copyOf(actuals.keySet()), period, ValueKind.TARGET));
        BigDecimal own = ownTargets.get(region.code());
        return own == null ? overUnits : Target.ofRegion(value, own, overUnits.targetUnits());
    }

    private ChildFigure childFigure(Indicator indicator, Ranked<Region> entry, Measured measured, BigDecimal parentValue) {
        Region child = entry.item();
        return new ChildFigure(child.code(), child.name(), measured.value(), measured.reportingUnits(),
                measured.expectedUnits(), measured.withheldUnits(), measured.incompleteUnits(), measured.partial(),
                entry.rank(), shareOf(indicator, measured.value(), parentValue), measured.target(),
                measured.yearOverYear());
    }

    /** Only a sum is made of its parts: a ratio or an average of a child is no share of the parent's. */
    private static BigDecimal shareOf(Indicator indicator, BigDecimal value, BigDecimal parentValue) {
        return indicator.rule() == AggregationRule.SUM ? Percentages.of(value, parentValue) : null;
    }

    /** The rows one answer read, by key. */
    private record Rows(Indicator indicator, Basis basis, FigurePeriods periods, Map<AggregateId, Aggregate> byId) {

        Optional<Aggregate> row(RegionCode region, PeriodCode period, ValueKind kind) {
            return Optional.ofNullable(byId.get(new AggregateId(indicator.code().value(), region.value(), period.value(),
                    kind.name(), AggregateId.columnOf(basis))));
        }

        /** The figures of those of {@code units} that have a row in the period (none for no period), by unit. */
        Map<RegionCode, UnitValue> units(List<RegionCode> units, PeriodCode period, ValueKind kind) {
            if (period == null) {
                return Map.of();
            }
            return units.stream()
                    .flatMap(unit -> row(unit, period, kind).map(found -> Map.entry(unit, UnitValue.of(found))).stream())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }
}
