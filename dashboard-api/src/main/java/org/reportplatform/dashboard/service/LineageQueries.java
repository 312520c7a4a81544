package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;

/**
 * Traces a figure to its sources by the rules indicator-service computes it with: every reporting unit within the
 * region, the period itself and every shorter period that rolls up into it, and per series the latest version (or,
 * for figures of accepted data, the latest version ever accepted).
 */
@ApplicationScoped
public class LineageQueries {

    private static final String SOURCES = """
            SELECT submission_id, region, dataset, period, version, submitted_at, review_status, accepted, reported::text
            FROM source_submission
            WHERE region = ANY (?) AND period = ANY (?) AND (accepted OR NOT ?)""";

    private record Series(String region, String dataset, String period) {
    }

    private final AgroalDataSource dataSource;
    private final ReferenceData reference;
    private final RegionRegistry regions;

    LineageQueries(AgroalDataSource dataSource, ReferenceData reference, RegionRegistry regions) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.regions = regions;
    }

    public Lineage sources(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        List<IndicatorCode> components = indicator.components().isEmpty()
                ? List.of(indicator.code())
                : Stream.concat(Stream.of(indicator.code()), indicator.components().stream()).distinct().toList();
        String[] units = regions.reportingUnitsUnder(region.code()).stream().map(unit -> unit.code().value())
                .toArray(String[]::new);
        String[] periods = Stream.concat(Stream.of(period), period.subPeriods().stream()).map(PeriodCode::value)
                .toArray(String[]::new);

        Map<Series, Lineage.Source> counted = new LinkedHashMap<>();
        for (Lineage.Source source : read(units, periods, basis)) {
            Series series = new Series(source.region().value(), source.dataset().value(), source.period().value());
            counted.merge(series, source, (one, other) -> one.version() >= other.version() ? one : other);
        }
        List<Lineage.Source> stating = new ArrayList<>();
        for (Lineage.Source source : counted.values()) {
            List<ReportedValue> relevant = source.values().stream()
                    .filter(value -> components.contains(value.indicator())).toList();
            if (!relevant.isEmpty()) {
                stating.add(new Lineage.Source(source.submissionId(), source.region(), source.regionName(),
                        source.dataset(), source.period(), source.version(), source.reviewStatus(),
                        source.submittedAt(), relevant));
            }
        }
        stating.sort(Comparator.comparing((Lineage.Source source) -> source.region().value())
                .thenComparing(Lineage.Source::period)
                .thenComparing(source -> source.dataset().value()));
        return new Lineage(indicator.code(), region.code(), region.name(), period, basis, components, stating);
    }

    private List<Lineage.Source> read(String[] units, String[] periods, Basis basis) {
        List<Lineage.Source> sources = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SOURCES)) {
            query.setArray(1, connection.createArrayOf("varchar", units));
            query.setArray(2, connection.createArrayOf("varchar", periods));
            query.setBoolean(3, basis == Basis.ACCEPTED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sources.add(sourceOf(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sources of a figure", e);
        }
        return sources;
    }

    private Lineage.Source sourceOf(ResultSet row) throws SQLException {
        RegionCode region = RegionCode.of(row.getString("region"));
        return new Lineage.Source(
                row.getObject("submission_id", UUID.class),
                region,
                regions.find(region).map(Region::name).orElse(null),
                DatasetCode.of(row.getString("dataset")),
                PeriodCode.of(row.getString("period")),
                row.getInt("version"),
                ReviewStatus.valueOf(row.getString("review_status")),
                row.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                List.of(EventJson.read(row.getString("reported"), ReportedValue[].class)));
    }
}
