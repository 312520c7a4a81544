package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * The rows of the read model that figures are answered from (docs/adr/0020). The rows of cities and the province
 * (a few tens of thousands per province) are kept in memory: loaded once at start-up and updated from each committed
 * batch, so that they are the table's rows as of the last commit. The rows of counties, a hundred times more, are
 * read with one native statement per call.
 *
 * <p>The load runs while the bean is created, and an observer call waits for that; a batch committed before the load
 * read the table is then applied twice, which leaves the same row.
 */
@Startup
@ApplicationScoped
public class FigureRows {

    private static final Logger LOG = Logger.getLogger(FigureRows.class);

    private static final String COLUMNS = """
            SELECT indicator, region, period, kind, basis, level, parent_region, value, numerator, denominator,
                   reporting_units, withheld_units, expected_units, incomplete_units, updated_at
            FROM aggregate""";

    private static final String ABOVE_COUNTY = COLUMNS + " WHERE level <> ?";

    private static final String OF_COUNTIES = COLUMNS
            + " WHERE indicator = ? AND basis = ? AND region = ANY (?) AND period = ANY (?)";

    private final AgroalDataSource dataSource;
    private final Map<AggregateId, Aggregate> aboveCounty = new ConcurrentHashMap<>();

    FigureRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void load() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ABOVE_COUNTY)) {
            query.setString(1, RegionLevel.COUNTY.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Aggregate row = rowOf(rows);
                    aboveCounty.put(row.id, row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the figures of cities and provinces", e);
        }
        LOG.infof("loaded %d figures of cities and provinces", aboveCounty.size());
    }

    void onCommitted(@Observes FiguresCommitted committed) {
        for (Aggregate row : committed.changes().upserts()) {
            if (row.level != RegionLevel.COUNTY) {
                aboveCounty.put(row.id, row);
            }
        }
        committed.changes().deletions().forEach(aboveCounty::remove);
    }

    /** The rows, actuals and targets, of {@code regions} in those of {@code periods} that have one, by key. */
    Map<AggregateId, Aggregate> of(IndicatorCode indicator, Collection<Region> regions, Collection<PeriodCode> periods,
                                   Basis basis) {
        Map<AggregateId, Aggregate> found = new HashMap<>();
        List<String> counties = regions.stream().filter(Region::isReportingUnit).map(region -> region.code().value())
                .distinct().toList();
        if (!counties.isEmpty() && !periods.isEmpty()) {
            readCounties(indicator, counties, periods, basis, found);
        }
        for (Region region : regions) {
            if (!region.isReportingUnit()) {
                for (PeriodCode period : periods) {
                    for (ValueKind kind : ValueKind.values()) {
                        AggregateId id = new AggregateId(indicator.value(), region.code().value(), period.value(),
                                kind.name(), AggregateId.columnOf(basis));
                        Aggregate row = aboveCounty.get(id);
                        if (row != null) {
                            found.put(id, row);
                        }
                    }
                }
            }
        }
        return found;
    }

    private void readCounties(IndicatorCode indicator, List<String> counties, Collection<PeriodCode> periods, Basis basis,
                              Map<AggregateId, Aggregate> found) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(OF_COUNTIES)) {
            query.setString(1, indicator.value());
            query.setString(2, AggregateId.columnOf(basis));
            query.setArray(3, connection.createArrayOf("varchar", counties.toArray()));
            query.setArray(4, connection.createArrayOf("varchar", periods.stream().map(PeriodCode::value).distinct().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Aggregate row = rowOf(rows);
                    found.put(row.id, row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the county figures of " + indicator, e);
        }
    }

    private static Aggregate rowOf(ResultSet rows) throws SQLException {
        Aggregate row = new Aggregate();
        row.id = new AggregateId(rows.getString("indicator"), rows.getString("region"), rows.getString("period"),
                rows.getString("kind"), rows.getString("basis"));
        row.level = RegionLevel.valueOf(rows.getString("level"));
        row.parentRegion = rows.getString("parent_region");
        row.value = rows.getBigDecimal("value");
        row.numerator = rows.getBigDecimal("numerator");
        row.denominator = rows.getBigDecimal("denominator");
        row.reportingUnits = rows.getInt("reporting_units");
        row.withheldUnits = rows.getInt("withheld_units");
        row.expectedUnits = rows.getInt("expected_units");
        row.incompleteUnits = rows.getInt("incomplete_units");
        row.updatedAt = rows.getObject("updated_at", OffsetDateTime.class).toInstant();
        return row;
    }
}
