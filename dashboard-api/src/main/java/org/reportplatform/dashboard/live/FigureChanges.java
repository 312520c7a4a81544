package org.reportplatform.dashboard.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.dashboard.service.ChangePosition;

/**
 * The figures changed since a position, read from the figure rows and deletion markers that AggregateStore writes
 * (docs/adr/0019): each figure's latest state once, not every change it went through.
 */
@ApplicationScoped
public class FigureChanges {

    private static final String SINCE = """
            SELECT indicator, region, period, kind, basis, false AS removed, value, reporting_units, withheld_units,
                   expected_units, updated_at, change_offset
            FROM aggregate WHERE change_partition = ? AND change_offset >= ?
            UNION ALL
            SELECT d.indicator, d.region, d.period, d.kind, d.basis, true, NULL::numeric, NULL::integer, NULL::integer,
                   NULL::integer, NULL::timestamptz, d.change_offset
            FROM aggregate_deletion d WHERE d.change_partition = ? AND d.change_offset >= ?
              AND NOT EXISTS (SELECT 1 FROM aggregate a WHERE a.indicator = d.indicator AND a.region = d.region
                              AND a.period = d.period AND a.kind = d.kind AND a.basis = d.basis)
            ORDER BY change_offset LIMIT ?""";

    private final AgroalDataSource dataSource;

    FigureChanges(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} figures of {@code partition} whose last change is at {@code offset} or later, in topic order. */
    public List<PositionedChange> since(int partition, long offset, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SINCE)) {
            statement.setInt(1, partition);
            statement.setLong(2, offset);
            statement.setInt(3, partition);
            statement.setLong(4, offset);
            statement.setInt(5, limit);
            List<PositionedChange> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(new PositionedChange(changeOf(rows), new ChangePosition(partition, rows.getLong("change_offset"))));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the figures of partition " + partition + " changed since " + offset, e);
        }
    }

    private static AggregateChange changeOf(ResultSet row) throws SQLException {
        OffsetDateTime updatedAt = row.getObject("updated_at", OffsetDateTime.class);
        return new AggregateChange(row.getString("indicator"), row.getString("region"), row.getString("period"),
                ValueKind.valueOf(row.getString("kind")), Basis.valueOf(row.getString("basis")), row.getBoolean("removed"),
                row.getBigDecimal("value"), (Integer) row.getObject("reporting_units"),
                (Integer) row.getObject("withheld_units"), (Integer) row.getObject("expected_units"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
