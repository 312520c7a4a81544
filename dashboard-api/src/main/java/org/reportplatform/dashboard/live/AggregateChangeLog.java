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

/** Reads the change log that AggregateStore appends to (table aggregate_change, docs/adr/0012). */
@ApplicationScoped
public class AggregateChangeLog {

    private static final String AFTER = """
            SELECT id, indicator, region, period, kind, basis, present, value, reporting_units, withheld_units,
                   expected_units, updated_at
            FROM aggregate_change WHERE id > ? ORDER BY id LIMIT ?""";

    private final AgroalDataSource dataSource;

    AggregateChangeLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} changes after the change {@code id}, oldest first. */
    public List<AggregateChange> after(long id, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(AFTER)) {
            statement.setLong(1, id);
            statement.setInt(2, limit);
            List<AggregateChange> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(changeOf(rows));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change log after " + id, e);
        }
    }

    /** The id of the newest change, 0 for an empty log. */
    public long latestId() {
        return single("SELECT coalesce(max(id), 0) FROM aggregate_change");
    }

    /** The id of the oldest change still kept; 0 for an empty log. */
    public long oldestId() {
        return single("SELECT coalesce(min(id), 0) FROM aggregate_change");
    }

    private long single(String query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the change log: " + query, e);
        }
    }

    private static AggregateChange changeOf(ResultSet row) throws SQLException {
        OffsetDateTime updatedAt = row.getObject("updated_at", OffsetDateTime.class);
        return new AggregateChange(row.getLong("id"), row.getString("indicator"), row.getString("region"),
                row.getString("period"), ValueKind.valueOf(row.getString("kind")), Basis.valueOf(row.getString("basis")),
                !row.getBoolean("present"), row.getBigDecimal("value"), (Integer) row.getObject("reporting_units"),
                (Integer) row.getObject("withheld_units"), (Integer) row.getObject("expected_units"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
