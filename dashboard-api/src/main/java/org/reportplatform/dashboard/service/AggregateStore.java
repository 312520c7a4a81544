package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * Applies the aggregates topic to the read model with native statements in JDBC batches: an entity merge costs a
 * select and a write per row. Upserts and deletes are idempotent, so redelivery is harmless.
 */
@ApplicationScoped
public class AggregateStore {

    private static final String UPSERT = """
            INSERT INTO aggregate (indicator, region, period, kind, basis, level, parent_region, value, numerator,
                                   denominator, reporting_units, withheld_units, expected_units, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (indicator, region, period, kind, basis) DO UPDATE SET
                level = EXCLUDED.level, parent_region = EXCLUDED.parent_region, value = EXCLUDED.value,
                numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
                reporting_units = EXCLUDED.reporting_units, withheld_units = EXCLUDED.withheld_units,
                expected_units = EXCLUDED.expected_units, updated_at = EXCLUDED.updated_at""";

    private static final String DELETE =
            "DELETE FROM aggregate WHERE indicator = ? AND region = ? AND period = ? AND kind = ? AND basis = ?";

    private final AgroalDataSource dataSource;

    AggregateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** All changes in one transaction: each row becomes the figure of its key, each deleted key loses its figure. */
    @Transactional
    public void apply(AggregateChanges changes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            for (Aggregate row : changes.upserts()) {
                bindKey(upsert, row.id);
                upsert.setString(6, row.level.name());
                upsert.setString(7, row.parentRegion);
                upsert.setBigDecimal(8, row.value);
                upsert.setBigDecimal(9, row.numerator);
                upsert.setBigDecimal(10, row.denominator);
                upsert.setInt(11, row.reportingUnits);
                upsert.setInt(12, row.withheldUnits);
                upsert.setInt(13, row.expectedUnits);
                upsert.setObject(14, row.updatedAt.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.addBatch();
            }
            for (AggregateId id : changes.deletions()) {
                bindKey(delete, id);
                delete.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply " + changes + " to the read model", e);
        }
    }

    private static void bindKey(PreparedStatement statement, AggregateId id) throws SQLException {
        statement.setString(1, id.indicator());
        statement.setString(2, id.region());
        statement.setString(3, id.period());
        statement.setString(4, id.kind());
        statement.setString(5, id.basis());
    }
}
