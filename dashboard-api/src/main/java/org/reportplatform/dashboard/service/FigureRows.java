package org.reportplatform.dashboard.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportplatform.contracts.catalogue.IndicatorCode;
import org.reportplatform.contracts.event.Basis;
import org.reportplatform.contracts.event.ValueKind;
import org.reportplatform.contracts.period.PeriodCode;
import org.reportplatform.contracts.region.Region;
import org.reportplatform.contracts.region.RegionLevel;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * The rows of the read model that figures are answered from (docs/adr/0022, amending 0020). The most used rows of
 * cities and provinces are kept in memory, a bounded number: each committed batch puts its rows of regions above the
 * county and drops its deleted ones, and a row asked for and not held is read from PostgreSQL and kept (also the
 * answer that there is none). The rows of counties, a hundred times more, are read with one native statement per
 * call, and so are the missing rows above the county, in the same statement.
 *
 * <p>A row read from the table is kept only if no batch was committed while it was read: it might be older than what
 * that batch put, and an older row must never replace a newer one. Batches and such reads take turns on one lock for
 * the moment they change the rows held, so a batch's rows are never overwritten by a read that started before it.
 */
@ApplicationScoped
public class FigureRows {

    private static final String COLUMNS = """
            SELECT indicator, region, period, kind, basis, level, parent_region, value, numerator, denominator,
                   reporting_units, withheld_units, expected_units, incomplete_units, updated_at
            FROM aggregate""";

    private static final String OF_REGIONS = COLUMNS
            + " WHERE indicator = ? AND basis = ? AND region = ANY (?) AND period = ANY (?)";

    private final AgroalDataSource dataSource;
    /** By key, a region's row or the knowledge that it has none; only regions above the county. */
    private final Cache<AggregateId, Optional<Aggregate>> aboveCounty;
    /** Guards changes of {@link #aboveCounty} and {@link #batchesCommitted}. */
    private final Object changes = new Object();
    private long batchesCommitted;

    FigureRows(AgroalDataSource dataSource, @ConfigProperty(name = "dashboard.figures.rows-in-memory") long rowsInMemory) {
        this.dataSource = dataSource;
        this.aboveCounty = Caffeine.newBuilder().maximumSize(rowsInMemory).build();
    }

    void onCommitted(@Observes FiguresCommitted committed) {
        synchronized (changes) {
            for (Aggregate row : committed.changes().upserts()) {
                if (row.level != RegionLevel.COUNTY) {
                    Aggregate kept = compact(row);
                    aboveCounty.put(kept.id, Optional.of(kept));
                }
            }
            aboveCounty.invalidateAll(committed.changes().deletions());
            batchesCommitted++;
        }
    }

    /** The rows, actuals and targets, of {@code regions} in those of {@code periods} that have one, by key. */
    Map<AggregateId, Aggregate> of(IndicatorCode indicator, Collection<Region> regions, Collection<PeriodCode> periods,
                                   Basis basis) {
        Map<AggregateId, Aggregate> found = new HashMap<>();
        Set<String> toRead = new LinkedHashSet<>();
        List<AggregateId> notHeld = new ArrayList<>();
        for (Region region : regions) {
            if (region.isReportingUnit()) {
                toRead.add(region.code().value());
                continue;
            }
            for (PeriodCode period : periods) {
                for (ValueKind kind : ValueKind.values()) {
                    AggregateId id = new AggregateId(indicator.value(), region.code().value(), period.value(),
                            kind.name(), AggregateId.columnOf(basis));
                    Optional<Aggregate> held = aboveCounty.getIfPresent(id);
                    if (held == null) {
                        notHeld.add(id);
                        toRead.add(id.region());
                    } else {
                        held.ifPresent(row -> found.put(id, row));
                    }
                }
            }
        }
        if (toRead.isEmpty() || periods.isEmpty()) {
            return found;
        }
        long committedBefore;
        synchronized (changes) {
            committedBefore = batchesCommitted;
        }
        Map<AggregateId, Aggregate> read = read(indicator, toRead, periods, basis);
        read.forEach((id, row) -> {
            if (row.level == RegionLevel.COUNTY) {
                found.put(id, row);
            }
        });
        synchronized (changes) {
            boolean current = batchesCommitted == committedBefore;
            for (AggregateId id : notHeld) {
                Aggregate row = read.get(id);
                if (row != null) {
                    found.put(id, row);
                }
                if (current) {
                    Aggregate kept = row == null ? null : compact(row);
                    aboveCounty.put(kept == null ? compact(id) : kept.id, Optional.ofNullable(kept));
                }
            }
        }
        return found;
    }

    private Map<AggregateId, Aggregate> read(IndicatorCode indicator, Collection<String> regionCodes,
                                             Collection<PeriodCode> periods, Basis basis) {
        Map<AggregateId, Aggregate> read = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(OF_REGIONS)) {
            query.setString(1, indicator.value());
            query.setString(2, AggregateId.columnOf(basis));
            query.setArray(3, connection.createArrayOf("varchar", regionCodes.toArray()));
            query.setArray(4, connection.createArrayOf("varchar", periods.stream().map(PeriodCode::value).distinct().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Aggregate row = rowOf(rows);
                    read.put(row.id, row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the figures of " + indicator, e);
        }
        return read;
    }

    /**
     * The row as it is kept: its codes are the one shared copy of each (a few thousand codes; each row would otherwise
     * hold its own), which makes a kept row about half as big.
     */
    private static Aggregate compact(Aggregate row) {
        row.id = compact(row.id);
        row.parentRegion = row.parentRegion == null ? null : row.parentRegion.intern();
        return row;
    }

    private static AggregateId compact(AggregateId id) {
        return new AggregateId(id.indicator().intern(), id.region().intern(), id.period().intern(), id.kind().intern(),
                id.basis().intern());
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
