package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.contracts.FormAssignments;
import org.reportplatform.contracts.catalogue.Dataset;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.service.Completeness.LateUnit;
import org.reportplatform.dashboard.service.Completeness.Unit;
import org.reportplatform.dashboard.service.UnitReport.PeriodReport;

/**
 * Where each unit within a region stands with a form, and who reported on time: from every stored version of the
 * units' series, held ones included.
 */
@ApplicationScoped
public class CompletenessQueries {

    private static final Comparator<Coverage> HIGHEST_RATE_FIRST = Comparator
            .comparing(Coverage::reportingRate, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Coverage::region);

    /**
     * Only what a state needs: the indicators each version states as actual figures, kept when it was stored
     * ({@link SourceStore}), not its values, so that a province's hundred units stay one small read.
     */
    private static final String VERSIONS = """
            SELECT region, period, version, submitted_at, review_status, held, stated_actuals
            FROM source_submission
            WHERE dataset = ? AND period = ANY (?) AND region = ANY (?)""";

    private record Series(RegionCode region, PeriodCode period) {
    }

    private final AgroalDataSource dataSource;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final FormAssignments assignments;

    CompletenessQueries(AgroalDataSource dataSource, ReferenceData reference, RegionRegistry regions,
                        FormAssignments assignments) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.regions = regions;
        this.assignments = assignments;
    }

    /** {@code period} must be made of the form's periods ({@link FormPeriods#makingUp}). */
    public Completeness completeness(Dataset form, PeriodCode period, RegionCode regionCode) {
        Region region = reference.region(regionCode);
        List<PeriodCode> counted = FormPeriods.counted(FormPeriods.makingUp(form, period).orElseThrow(),
                LocalDate.now(Deadline.CHINA));
        // the units as they were in the period: 2017 expects 湾里区 360105 of 南昌, not 红谷滩区 360113 (from 2019)
        List<Region> units = assignments.unitsExpectedToReport(form, region.code(), period);
        Map<Series, List<StoredVersion>> versions = read(form, counted, units).stream()
                .collect(Collectors.groupingBy(version -> new Series(version.region(), version.period())));
        Map<RegionCode, UnitReport> reports = units.stream()
                .map(unit -> UnitReport.of(unit, counted.stream()
                        .map(part -> PeriodReport.of(form, part, versions.getOrDefault(new Series(unit.code(), part), List.of())))
                        .toList()))
                .collect(Collectors.toMap(report -> report.unit().code(), Function.identity()));
        List<Coverage> children = regions.children(region.code(), period).stream()
                .map(child -> Coverage.of(child, reportsOf(assignments.unitsExpectedToReport(form, child.code(), period), reports),
                        form))
                .sorted(HIGHEST_RATE_FIRST)
                .toList();
        List<UnitReport> all = reportsOf(units, reports);
        List<LateUnit> late = all.stream()
                .flatMap(report -> report.lateness(form).stream())
                .sorted(Comparator.comparingLong(LateUnit::daysLate).reversed().thenComparing(LateUnit::code))
                .toList();
        return new Completeness(form.code(), period, counted, Coverage.of(region, all, form),
                Deadline.of(form, counted.get(counted.size() - 1)).dueDate(), children,
                unitsIn(all, ReportState.MISSING), unitsIn(all, ReportState.PARTIAL), unitsIn(all, ReportState.HELD),
                unitsIn(all, ReportState.RETURNED), late);
    }

    private static List<UnitReport> reportsOf(List<Region> units, Map<RegionCode, UnitReport> reports) {
        return units.stream().map(unit -> reports.get(unit.code())).toList();
    }

    /** Units come by code from the registry, so the lists are by code. */
    private static List<Unit> unitsIn(List<UnitReport> reports, ReportState state) {
        return reports.stream().filter(report -> report.state() == state).map(UnitReport::asUnit).toList();
    }

    private List<StoredVersion> read(Dataset form, List<PeriodCode> periods, List<Region> units) {
        List<StoredVersion> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(VERSIONS)) {
            query.setString(1, form.code().value());
            query.setArray(2, connection.createArrayOf("varchar", periods.stream().map(PeriodCode::value).toArray()));
            query.setArray(3, connection.createArrayOf("varchar", units.stream().map(unit -> unit.code().value()).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(versionOf(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the submissions of " + form.code(), e);
        }
        return versions;
    }

    private static StoredVersion versionOf(ResultSet row) throws SQLException {
        Set<IndicatorCode> stated = Arrays.stream((String[]) row.getArray("stated_actuals").getArray())
                .map(IndicatorCode::of)
                .collect(Collectors.toUnmodifiableSet());
        return new StoredVersion(
                RegionCode.of(row.getString("region")),
                PeriodCode.of(row.getString("period")),
                row.getInt("version"),
                row.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                ReviewStatus.valueOf(row.getString("review_status")),
                row.getBoolean("held"),
                stated);
    }
}
