package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.contracts.catalogue.Catalogue;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.catalogue.Indicator;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.EventJson;
import org.reportplatform.contracts.event.ReportedValue;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.RegionCode;

/**
 * The targets a city or the province set for itself as a whole (top-down 下达 targets), from the submissions it
 * posted for its own region in the indicator's owner form: the latest version not held for an explanation, or for
 * figures of accepted data the latest accepted one. A rate target is the rate as stated, or else its components'
 * quotient.
 */
@ApplicationScoped
public class RegionTargets {

    private static final String LATEST = """
            SELECT DISTINCT ON (region, period) region, period, reported::text
            FROM source_submission
            WHERE region = ANY (?) AND dataset = ? AND period = ANY (?) AND (accepted OR NOT ?)
              AND NOT held
            ORDER BY region, period, version DESC""";

    private final AgroalDataSource dataSource;
    private final Catalogue catalogue;

    RegionTargets(AgroalDataSource dataSource, Catalogue catalogue) {
        this.dataSource = dataSource;
        this.catalogue = catalogue;
    }

    /** The own targets of those of {@code regions} that set one for each of {@code periods}, by period and region. */
    Map<PeriodCode, Map<RegionCode, BigDecimal>> of(Indicator indicator, List<RegionCode> regions,
                                                    List<PeriodCode> periods, Basis basis) {
        Optional<DatasetCode> form = catalogue.ownerFormOf(indicator.code());
        Map<PeriodCode, Map<RegionCode, BigDecimal>> targets = new HashMap<>();
        if (form.isEmpty() || regions.isEmpty() || periods.isEmpty()) {
            return targets;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LATEST)) {
            query.setArray(1, connection.createArrayOf("varchar", regions.stream().map(RegionCode::value).toArray()));
            query.setString(2, form.get().value());
            query.setArray(3, connection.createArrayOf("varchar", periods.stream().map(PeriodCode::value).toArray()));
            query.setBoolean(4, basis == Basis.ACCEPTED);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    RegionCode region = RegionCode.of(rows.getString("region"));
                    PeriodCode period = PeriodCode.of(rows.getString("period"));
                    List<ReportedValue> values = List.of(EventJson.read(rows.getString("reported"), ReportedValue[].class));
                    targetIn(indicator, values).ifPresent(target ->
                            targets.computeIfAbsent(period, any -> new HashMap<>()).put(region, target));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the own targets of " + regions, e);
        }
        return targets;
    }

    private static Optional<BigDecimal> targetIn(Indicator indicator, List<ReportedValue> values) {
        Optional<BigDecimal> stated = targetOf(indicator.code(), values);
        if (stated.isPresent() || !indicator.rule().needsComponents()) {
            return stated;
        }
        Optional<BigDecimal> denominator = indicator.denominator().flatMap(code -> targetOf(code, values));
        Optional<BigDecimal> numerator = indicator.numerator().flatMap(code -> targetOf(code, values));
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(UnitRollUp.valueOver(indicator,
                List.of(new UnitValue(null, numerator.get(), denominator.get()))));
    }

    private static Optional<BigDecimal> targetOf(IndicatorCode code, List<ReportedValue> values) {
        return values.stream()
                .filter(value -> value.kind() == ValueKind.TARGET && value.indicator().equals(code) && value.isReported())
                .map(ReportedValue::value)
                .findFirst();
    }
}
