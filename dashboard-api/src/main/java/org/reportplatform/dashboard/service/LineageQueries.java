package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ReviewStatus;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.event.ValueStatus;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionCode;
import org.reportplatform.contracts.region.RegionRegistry;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * Traces a figure to its sources (docs/adr/0020): the submission versions that the county figures under it, actuals
 * and targets, name as what they are made of, as indicator-service selected them (which version counts, held ones
 * never, the sub-periods a longer period rolls up). Where several forms state an indicator of a unit, the owner form's
 * value is the one used.
 */
@ApplicationScoped
public class LineageQueries {

    /**
     * The county rows' sources joined to the versions as stored, with their values of the figure's components only (a
     * full form states a hundred): one statement, on the primary keys.
     */
    private static final String SOURCES = """
            SELECT submission_id, region, dataset, period, version, submitted_at, review_status,
                   (SELECT COALESCE(jsonb_agg(value ORDER BY position), '[]')
                    FROM jsonb_array_elements(reported) WITH ORDINALITY AS stated (value, position)
                    WHERE value ->> 'indicator' = ANY (?))::text AS stating
            FROM source_submission
            WHERE submission_id IN (SELECT unnest(sources) FROM aggregate
                                    WHERE indicator = ? AND region = ANY (?) AND period = ? AND basis = ?)""";

    /** A value of another form more than this share away from the one a figure uses is a conflict. */
    private static final BigDecimal CONFLICT_TOLERANCE = new BigDecimal("0.01");

    /** A version as stored, with its values of the figure's components. */
    private record Stored(UUID submissionId, RegionCode region, DatasetCode dataset, PeriodCode period, int version,
                          ReviewStatus reviewStatus, Instant submittedAt, List<ReportedValue> values) {
    }

    /** The values a figure chooses one of: a unit's indicator of one kind for one period, in whichever form. */
    private record Choice(RegionCode region, PeriodCode period, IndicatorCode indicator, ValueKind kind) {
    }

    /** One form's value of a choice. */
    private record Stating(Stored source, ReportedValue value) {
    }

    private final AgroalDataSource dataSource;
    private final ReferenceData reference;
    private final RegionRegistry regions;
    private final Catalogue catalogue;

    LineageQueries(AgroalDataSource dataSource, ReferenceData reference, RegionRegistry regions, Catalogue catalogue) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.regions = regions;
        this.catalogue = catalogue;
    }

    public Lineage sources(String indicatorCode, RegionCode regionCode, PeriodCode period, Basis basis) {
        Indicator indicator = reference.indicator(indicatorCode);
        Region region = reference.region(regionCode);
        List<IndicatorCode> components = indicator.components().isEmpty()
                ? List.of(indicator.code())
                : Stream.concat(Stream.of(indicator.code()), indicator.components().stream()).distinct().toList();
        String[] units = regions.reportingUnitsUnder(region.code(), period).stream().map(unit -> unit.code().value())
                .toArray(String[]::new);
        List<Stored> counted = read(indicator.code(), components, units, period, basis);
        Map<Choice, Stating> used = usedValues(counted);

        List<Lineage.Source> stating = new ArrayList<>();
        for (Stored source : counted) {
            List<Lineage.SourceValue> relevant = source.values().stream()
                    .map(value -> marked(value, used.get(choiceOf(source, value)), source))
                    .toList();
            if (!relevant.isEmpty()) {
                stating.add(new Lineage.Source(source.submissionId(), source.region(),
                        regions.find(source.region()).map(Region::name).orElse(null), source.dataset(), source.period(),
                        source.version(), source.reviewStatus(), source.submittedAt(), relevant));
            }
        }
        stating.sort(Comparator.comparing((Lineage.Source source) -> source.region().value())
                .thenComparing(Lineage.Source::period)
                .thenComparing(source -> source.dataset().value()));
        return new Lineage(indicator.code(), region.code(), region.name(), period, basis, components, stating);
    }

    /** For each unit, period, component and kind, the value the figure uses, of whichever form states it. */
    private Map<Choice, Stating> usedValues(Collection<Stored> counted) {
        return counted.stream()
                .flatMap(source -> source.values().stream().map(value -> new Stating(source, value)))
                .collect(Collectors.groupingBy(stating -> choiceOf(stating.source(), stating.value())))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, choice -> used(choice.getKey(), choice.getValue())));
    }

    private static Choice choiceOf(Stored source, ReportedValue value) {
        return new Choice(source.region(), source.period(), value.indicator(), value.kind());
    }

    /**
     * The owner form's value when the owner states it, reported or redacted; else the most recently submitted other
     * form's (a value stated missing only when no form states one).
     */
    private Stating used(Choice choice, List<Stating> statings) {
        List<Stating> stated = statings.stream().filter(stating -> stating.value().status() != ValueStatus.MISSING).toList();
        List<Stating> candidates = stated.isEmpty() ? statings : stated;
        return catalogue.ownerFormOf(choice.indicator())
                .flatMap(owner -> candidates.stream().filter(stating -> stating.source().dataset().equals(owner)).findFirst())
                .orElseGet(() -> candidates.stream()
                        .max(Comparator.comparing((Stating stating) -> stating.source().submittedAt())
                                .thenComparing(stating -> stating.source().dataset().value()))
                        .orElseThrow());
    }

    private static Lineage.SourceValue marked(ReportedValue value, Stating used, Stored source) {
        boolean isUsed = used.source().submissionId().equals(source.submissionId());
        BigDecimal usedValue = used.value().value();
        boolean conflict = !isUsed && value.value() != null && usedValue != null
                && value.value().subtract(usedValue).abs().compareTo(usedValue.abs().multiply(CONFLICT_TOLERANCE)) > 0;
        return new Lineage.SourceValue(value.indicator(), value.value(), value.status(), value.kind(), isUsed, conflict);
    }

    private List<Stored> read(IndicatorCode indicator, List<IndicatorCode> components, String[] units, PeriodCode period,
                              Basis basis) {
        List<Stored> sources = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(SOURCES)) {
            query.setArray(1, connection.createArrayOf("varchar", components.stream().map(IndicatorCode::value).toArray()));
            query.setString(2, indicator.value());
            query.setArray(3, connection.createArrayOf("varchar", units));
            query.setString(4, period.value());
            query.setString(5, AggregateId.columnOf(basis));
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

    private static Stored sourceOf(ResultSet row) throws SQLException {
        return new Stored(
                row.getObject("submission_id", UUID.class),
                RegionCode.of(row.getString("region")),
                DatasetCode.of(row.getString("dataset")),
                PeriodCode.of(row.getString("period")),
                row.getInt("version"),
                ReviewStatus.valueOf(row.getString("review_status")),
                row.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                List.of(EventJson.read(row.getString("stating"), ReportedValue[].class)));
    }
}
