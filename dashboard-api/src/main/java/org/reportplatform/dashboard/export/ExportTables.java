package org.reportplatform.dashboard.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.dashboard.export.CsvTable.Column;
import org.reportplatform.dashboard.service.ChildFigure;
import org.reportplatform.dashboard.service.ChildFigures;
import org.reportplatform.dashboard.service.Completeness;
import org.reportplatform.dashboard.service.CompletenessQueries;
import org.reportplatform.dashboard.service.Coverage;
import org.reportplatform.dashboard.service.FigureQueries;
import org.reportplatform.dashboard.service.Lineage;
import org.reportplatform.dashboard.service.Lineage.Source;
import org.reportplatform.dashboard.service.LineageQueries;
import org.reportplatform.dashboard.service.RegionFigure;
import org.reportplatform.dashboard.service.Target;
import org.reportplatform.dashboard.service.Trend;
import org.reportplatform.dashboard.service.YearOverYear;

/**
 * The tables of the dashboard page as CSV, from the same queries as the JSON endpoints. Headers are Chinese with the
 * JSON field in brackets, so that a sheet reads naturally and still maps to the API.
 */
@ApplicationScoped
public class ExportTables {

    private final FigureQueries figures;
    private final CompletenessQueries completeness;
    private final LineageQueries lineage;

    ExportTables(FigureQueries figures, CompletenessQueries completeness, LineageQueries lineage) {
        this.figures = figures;
        this.completeness = completeness;
        this.lineage = lineage;
    }

    /** The children of a region, ranked, as the page's bar chart and table show them. */
    public CsvTable children(String indicator, RegionCode region, PeriodCode period, Basis basis) {
        ChildFigures children = figures.children(indicator, region, period, basis);
        String unit = children.parent().unit();
        List<Column<ChildFigure>> columns = List.of(
                new Column<>("排名 (rank)", ChildFigure::rank),
                new Column<>("地区代码 (region)", ChildFigure::region),
                new Column<>("地区 (regionName)", ChildFigure::regionName),
                new Column<>(valueHeader(unit), ChildFigure::value),
                new Column<>("已报单位 (reportingUnits)", ChildFigure::reportingUnits),
                new Column<>("应报单位 (expectedUnits)", ChildFigure::expectedUnits),
                new Column<>("不公开单位 (withheldUnits)", ChildFigure::withheldUnits),
                new Column<>("不完整单位 (incompleteUnits)", ChildFigure::incompleteUnits),
                new Column<>("部分 (partial)", ChildFigure::partial),
                new Column<>("占上级比重% (shareOfParent)", ChildFigure::shareOfParent));
        List<Column<ChildFigure>> all = concat(columns,
                yearOverYear(ChildFigure::yearOverYear), target(ChildFigure::target));
        // the children are read at the parent's cut-off, which the name says when it is not the asked period
        PeriodCode covered = children.parent().coveredPeriod();
        String name = "children-%s-%s-%s".formatted(indicator, region.value(), period.value())
                + (covered.equals(period) ? "" : "-" + covered.value());
        return CsvTable.of(name, all, children.children());
    }

    /** A region's figure period by period, as the page's trend line shows it. */
    public CsvTable trend(String indicator, RegionCode region, List<PeriodCode> periods, Basis basis) {
        Trend trend = figures.trend(indicator, region, periods, basis);
        List<Column<RegionFigure>> columns = List.of(
                new Column<>("期别 (period)", RegionFigure::period),
                new Column<>(valueHeader(trend.unit()), RegionFigure::value),
                new Column<>("已报单位 (reportingUnits)", RegionFigure::reportingUnits),
                new Column<>("应报单位 (expectedUnits)", RegionFigure::expectedUnits),
                new Column<>("不公开单位 (withheldUnits)", RegionFigure::withheldUnits),
                new Column<>("不完整单位 (incompleteUnits)", RegionFigure::incompleteUnits),
                new Column<>("部分 (partial)", RegionFigure::partial),
                new Column<>("截至 (cutOff)", RegionFigure::cutOff));
        List<Column<RegionFigure>> all = concat(columns,
                yearOverYear(RegionFigure::yearOverYear), target(RegionFigure::target));
        String name = "trend-%s-%s-%s-%s".formatted(indicator, region.value(), periods.get(0).value(),
                periods.get(periods.size() - 1).value());
        return CsvTable.of(name, all, trend.figures());
    }

    /** Who has reported a form: each region directly below, then the region itself as the total. */
    public CsvTable completeness(Dataset form, PeriodCode period, RegionCode region) {
        Completeness answer = completeness.completeness(form, period, region);
        List<Column<Coverage>> columns = List.of(
                new Column<>("地区代码 (region)", Coverage::region),
                new Column<>("地区 (regionName)", Coverage::regionName),
                new Column<>("应报 (expected)", Coverage::expected),
                new Column<>("已报 (received)", Coverage::received),
                new Column<>("部分 (partialUnits)", Coverage::partialUnits),
                new Column<>("待说明 (heldUnits)", Coverage::heldUnits),
                new Column<>("已退回 (returnedUnits)", Coverage::returnedUnits),
                new Column<>("未报 (missing)", Coverage::missing),
                new Column<>("按时 (onTime)", Coverage::onTime),
                new Column<>("迟报 (late)", Coverage::late),
                new Column<>("报送率% (reportingRate)", Coverage::reportingRate),
                new Column<>("及时率% (timelyRate)", Coverage::timelyRate));
        List<Coverage> rows = concat(answer.children(), List.of(answer.coverage()));
        return CsvTable.of("completeness-%s-%s-%s".formatted(form.code(), region.value(), period.value()), columns, rows);
    }

    /** The county submissions a figure is computed from, with their review status and values. */
    public CsvTable sources(String indicator, RegionCode region, PeriodCode period, Basis basis) {
        Lineage answer = lineage.sources(indicator, region, period, basis);
        List<Column<Source>> columns = List.of(
                new Column<>("报送编号 (submissionId)", Source::submissionId),
                new Column<>("地区代码 (region)", Source::region),
                new Column<>("地区 (regionName)", Source::regionName),
                new Column<>("报表 (dataset)", Source::dataset),
                new Column<>("期别 (period)", Source::period),
                new Column<>("版本 (version)", Source::version),
                new Column<>("审核状态 (reviewStatus)", Source::reviewStatus),
                new Column<>("报送时间 (submittedAt)", Source::submittedAt),
                new Column<>("数值 (values)", ExportTables::valuesOf));
        return CsvTable.of("sources-%s-%s-%s".formatted(indicator, region.value(), period.value()), columns, answer.sources());
    }

    /**
     * indicator=value pairs in one cell; a target is marked, a withheld value says so, and so does a value the figure
     * does not use (another form's) or one that conflicts with the value used.
     */
    private static String valuesOf(Source source) {
        return source.values().stream()
                .map(value -> value.indicator().value() + (value.kind() == ValueKind.TARGET ? "(target)" : "") + "="
                        + (value.value() == null ? value.status().json() : value.value().toPlainString())
                        + (value.used() ? "" : " (not used)") + (value.conflict() ? " (conflict)" : ""))
                .collect(Collectors.joining("; "));
    }

    private static String valueHeader(String unit) {
        return unit == null || unit.isBlank() ? "数值 (value)" : "数值/" + unit + " (value)";
    }

    private static <T> List<Column<T>> yearOverYear(Function<T, YearOverYear> of) {
        return List.of(
                new Column<>("上年期别 (previousPeriod)", row -> of.apply(row).previousPeriod()),
                new Column<>("同口径单位 (comparableUnits)", row -> of.apply(row).comparableUnits()),
                new Column<>("同口径本期值 (comparableValue)", row -> of.apply(row).comparableValue()),
                new Column<>("同口径上年值 (previousValue)", row -> of.apply(row).previousValue()),
                new Column<>("同比增减 (yoyChange)", row -> of.apply(row).yoyChange()),
                new Column<>("同比% (yoyPercent)", row -> of.apply(row).yoyPercent()),
                new Column<>("同比百分点 (yoyPoints)", row -> of.apply(row).yoyPoints()),
                new Column<>("未计同比原因 (yoyNote)", row -> noteOf(of.apply(row))));
    }

    private static <T> List<Column<T>> target(Function<T, Target> of) {
        return List.of(
                new Column<>("目标单位 (targetUnits)", row -> of.apply(row).targetUnits()),
                new Column<>("目标来源 (targetSource)", row -> sourceOf(of.apply(row))),
                new Column<>("目标 (target)", row -> of.apply(row).target()),
                new Column<>("完成率% (completion)", row -> of.apply(row).completion()));
    }

    private static String noteOf(YearOverYear yearOverYear) {
        return yearOverYear.yoyNote() == null ? null : yearOverYear.yoyNote().json();
    }

    private static String sourceOf(Target target) {
        return target.targetSource() == null ? null : target.targetSource().json();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
