package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
                                   denominator, reporting_units, withheld_units, expected_units, updated_at, incomplete_units,
                                   sources)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (indicator, region, period, kind, basis) DO UPDATE SET
                level = EXCLUDED.level, parent_region = EXCLUDED.parent_region, value = EXCLUDED.value,
                numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
                reporting_units = EXCLUDED.reporting_units, withheld_units = EXCLUDED.withheld_units,
                expected_units = EXCLUDED.expected_units, updated_at = EXCLUDED.updated_at,
                incomplete_units = EXCLUDED.incomplete_units, sources = EXCLUDED.sources""";

    private static final String DELETE =
            "DELETE FROM aggregate WHERE indicator = ? AND region = ? AND period = ? AND kind = ? AND basis = ?";

    /** The change log of the live stream (docs/adr/0012), written with the figures so that it never misses one. */
    private static final String LOG_CHANGE = """
            INSERT INTO aggregate_change (indicator, region, period, kind, basis, present, value, reporting_units,
                                          withheld_units, expected_units, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Keeps the newest changes only: a range delete on the primary key, cheap enough for every batch. */
    private static final String TRIM_LOG = "DELETE FROM aggregate_change WHERE id <= (SELECT max(id) FROM aggregate_change) - ?";

    private final AgroalDataSource dataSource;
    private final long retainedChanges;

    AggregateStore(AgroalDataSource dataSource,
                   @ConfigProperty(name = "dashboard.live.retained-changes") long retainedChanges) {
        this.dataSource = dataSource;
        this.retainedChanges = retainedChanges;
    }

    /**
     * All changes in one transaction: each row becomes the figure of its key, each deleted key loses its figure, and
     * each is appended to the change log.
     */
    @Transactional
    public void apply(AggregateChanges changes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement delete = connection.prepareStatement(DELETE);
             PreparedStatement log = connection.prepareStatement(LOG_CHANGE);
             PreparedStatement trim = connection.prepareStatement(TRIM_LOG)) {
            for (Aggregate row : changes.upserts()) {
                bindKey(upsert, row.id);
                bindKey(log, row.id);
                log.setBoolean(6, true);
                log.setBigDecimal(7, row.value);
                log.setInt(8, row.reportingUnits);
                log.setInt(9, row.withheldUnits);
                log.setInt(10, row.expectedUnits);
                log.setObject(11, row.updatedAt.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                log.addBatch();
                upsert.setString(6, row.level.name());
                upsert.setString(7, row.parentRegion);
                upsert.setBigDecimal(8, row.value);
                upsert.setBigDecimal(9, row.numerator);
                upsert.setBigDecimal(10, row.denominator);
                upsert.setInt(11, row.reportingUnits);
                upsert.setInt(12, row.withheldUnits);
                upsert.setInt(13, row.expectedUnits);
                upsert.setObject(14, row.updatedAt.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                upsert.setInt(15, row.incompleteUnits);
                upsert.setArray(16, connection.createArrayOf("uuid", row.sources.toArray()));
                upsert.addBatch();
            }
            for (AggregateId id : changes.deletions()) {
                bindKey(delete, id);
                delete.addBatch();
                bindKey(log, id);
                log.setBoolean(6, false);
                log.setNull(7, Types.NUMERIC);
                log.setNull(8, Types.INTEGER);
                log.setNull(9, Types.INTEGER);
                log.setNull(10, Types.INTEGER);
                log.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                log.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
            log.executeBatch();
            trim.setLong(1, retainedChanges);
            trim.executeUpdate();
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
