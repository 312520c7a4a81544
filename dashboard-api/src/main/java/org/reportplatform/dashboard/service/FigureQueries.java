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
import org.reportplatform.dashboard.service.Ranking.Ranked;

/**
 * Reads figures from the read model; regions without a row yet still appear, with no value. Each answer reads the rows
 * of the region (and its children) and of every unit within it, actuals and targets of one basis, in the covered
 * period, the year before and the target's period: completion and the year-over-year change are recomputed from the
 * units' rows, over the units that make them comparable. Rows of cities and the province come from memory, those of
 * counties from one statement per answer, a trend's periods all together ({@link FigureRows}).
 */
@ApplicationScoped
public class FigureQueries {

    private final FigureRows figureRows;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final FormAssignments assignments;
    private final Catalogue catalogue;
    private final RegionTargets ownTargets;

    FigureQueries(FigureRows figureRows, ReferenceData reference, RegionRegistry regions, FormAssignments assignments,
                  Catalogue catalogue, RegionTargets ownTargets) {
        this.figureRows = figureRows;
        this.reference = reference;
        this.regions = regions;
        this.assignments = assignments;
        this.catalogue = catalogue;
        this.ownTargets = ownTargets;
    }

    public RegionFigure figure(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        return trend(indicatorCode, regionCode, List.of(period), basis).figures().get(0);
    }

    /** The figure in each of {@code periods}, in their order, each to its own cut-off. */
    public Trend trend(String indicatorCode, RegionCode regionCode, List<PeriodCode> periods, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        List<FigurePeriods> each = periodsOf(indicator, region, periods, basis);
        Rows rows = rows(indicator, region, List.of(region), each, basis);
        Map<PeriodCode, Map<RegionCode, BigDecimal>> targets = ownTargetsOf(indicator, List.of(region), each, basis);
        List<RegionFigure> figures = each.stream()
                .map(at -> RegionFigure.of(indicator, region, at, basis,
                        measure(indicator, region, at, rows, targets.getOrDefault(at.target(), Map.of()))))
                .toList();
        return new Trend(indicator.code(), region.code(), region.name(), indicator.unit(), basis, figures);
    }

    /** The children at the parent's cut-off, the complete ones ranked and the partial ones apart. */
    public ChildFigures children(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        FigurePeriods periods = periodsOf(indicator, region, List.of(period), basis).get(0);
        // as they were in the period (赣州's units of 2015 hold 赣县 360721), by code, so that tied and unranked children
        // are listed in a stable order
        List<Region> children = regions.children(region.code(), periods.covered());
        List<Region> read = Stream.concat(Stream.of(region), children.stream()).toList();
        Rows rows = rows(indicator, region, read, List.of(periods), basis);
        Map<RegionCode, BigDecimal> targets = ownTargetsOf(indicator, read, List.of(periods), basis)
                .getOrDefault(periods.target(), Map.of());
        Measured parent = measure(indicator, region, periods, rows, targets);
        Map<Region, Measured> measured = children.stream()
                .collect(Collectors.toMap(Function.identity(), child -> measure(indicator, child, periods, rows, targets)));
        List<ChildFigure> ranked = Ranking.rankApart(children, child -> measured.get(child).value(),
                        child -> !measured.get(child).partial(), indicator.better()).stream()
                .map(entry -> childFigure(indicator, entry, measured.get(entry.item()), parent.value()))
                .toList();
        return new ChildFigures(indicator.code(), region.code(), period, basis,
                RegionFigure.of(indicator, region, periods, basis, parent), ranked);
    }

    /**
     * The periods each figure is read in, in the order asked. A longer period of the owner form's sub-periods is served
     * at the latest of it to date that has a figure at the region (reported or withheld); a year to date asked directly
     * is served as is. One read for all of them.
     */
    private List<FigurePeriods> periodsOf(Indicator indicator, Region region, List<PeriodCode> asked, Basis basis) {
        Optional<PeriodType> formType = catalogue.ownerFormOf(indicator.code()).flatMap(catalogue::dataset)
                .map(Dataset::periodType);
        if (formType.isEmpty()) {
            return asked.stream().map(FigurePeriods::asIs).toList();
        }
        PeriodType type = formType.get();
        Map<PeriodCode, List<PeriodCode>> toDate = asked.stream()
                .filter(period -> period.type() != type && period.type() != PeriodType.YEAR_TO_DATE)
                .distinct()
                .collect(Collectors.toMap(Function.identity(), period -> period.toDate(type)));
        Map<AggregateId, Aggregate> read = figureRows.of(indicator.code(), List.of(region),
                toDate.values().stream().flatMap(List::stream).distinct().toList(), basis);
        Rows withFigure = new Rows(indicator, basis, read);
        return asked.stream().map(period -> {
            if (period.type() == type) {
                return FigurePeriods.asIs(period);
            }
            if (period.type() == PeriodType.YEAR_TO_DATE) {
                return FigurePeriods.toDate(period, period, type);
            }
            // nothing counted yet: no cut-off to speak of
            return toDate.get(period).stream()
                    .filter(covered -> withFigure.row(region.code(), covered, ValueKind.ACTUAL)
                            .filter(row -> row.reportingUnits + row.withheldUnits > 0).isPresent())
                    .findFirst()
                    .map(covered -> FigurePeriods.toDate(period, covered, type))
                    .orElseGet(() -> FigurePeriods.asIs(period));
        }).toList();
    }

    /** The rows of {@code read} and of every unit within {@code region}, in the periods the answers read. */
    private Rows rows(Indicator indicator, Region region, List<Region> read, List<FigurePeriods> each, Basis basis) {
        List<Region> within = Stream.concat(read.stream(), each.stream()
                        .flatMap(periods -> Stream.concat(unitsIn(region, periods.covered()).stream(),
                                unitsIn(region, periods.previous()).stream())))
                .distinct().toList();
        return new Rows(indicator, basis, figureRows.of(indicator.code(), within,
                each.stream().flatMap(FigurePeriods::read).distinct().toList(), basis));
    }

    /** The own targets of those of {@code read} above the county, by target period; a unit's target is its row. */
    private Map<PeriodCode, Map<RegionCode, BigDecimal>> ownTargetsOf(Indicator indicator, List<Region> read,
                                                                       List<FigurePeriods> each, Basis basis) {
        return ownTargets.of(indicator, read.stream().filter(region -> !region.isReportingUnit()).map(Region::code).toList(),
                each.stream().map(FigurePeriods::target).distinct().toList(), basis);
    }

    private Measured measure(Indicator indicator, Region region, FigurePeriods periods, Rows rows,
                             Map<RegionCode, BigDecimal> ownTargets) {
        Optional<Aggregate> row = rows.row(region.code(), periods.covered(), ValueKind.ACTUAL);
        int expected = row.map(r -> r.expectedUnits)
                .orElseGet(() -> assignments.unitsExpectedToReport(indicator.code(), region.code(), periods.covered()));
        BigDecimal value = row.map(r -> r.value).orElse(null);
        Map<RegionCode, UnitValue> actuals = rows.units(codesOf(unitsIn(region, periods.covered())), periods.covered(),
                ValueKind.ACTUAL);
        // a unit recoded between the two years (赣县 360721 → 赣县区 360704) is not compared: its code differs
        YearOverYear yearOverYear = YearOverYear.likeForLike(indicator, periods.previous(), actuals,
                rows.units(codesOf(unitsIn(region, periods.previous())), periods.previous(), ValueKind.ACTUAL), expected);
        return new Measured(row, expected, target(indicator, region, periods, value, actuals, rows, ownTargets),
                yearOverYear);
    }

    /** The reporting units within the region as it was in the period; none for no period. */
    private List<Region> unitsIn(Region region, PeriodCode period) {
        return period == null ? List.of() : regions.reportingUnitsUnder(region.code(), period);
    }

    private static List<RegionCode> codesOf(List<Region> units) {
        return units.stream().map(Region::code).toList();
    }

    private static Target target(Indicator indicator, Region region, FigurePeriods periods, BigDecimal value,
                                 Map<RegionCode, UnitValue> actuals, Rows rows, Map<RegionCode, BigDecimal> ownTargets) {
        PeriodCode period = periods.target();
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
    private record Rows(Indicator indicator, Basis basis, Map<AggregateId, Aggregate> byId) {

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
