package org.reportplatform.dashboard.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.dashboard.domain.Aggregate;
import org.reportplatform.dashboard.domain.AggregateId;

/**
 * Applies batches of the aggregates topic to the read model (docs/adr/0019): one statement upserts every figure of
 * the batch (arrays, one per column, unnested by PostgreSQL), each figure row records the position of its last change,
 * deleted figures leave a marker with the position of their deletion, and each partition's position is stored in the
 * same transaction. Records before a partition's stored position were applied already and are dropped, so a batch
 * delivered again changes nothing.
 */
@ApplicationScoped
public class AggregateStore {

    /** A column of a figure row, sent as text and cast by PostgreSQL to its type. */
    private record Column<T>(String name, String type, Function<T, String> value) {
    }

    private static final List<Column<AggregateId>> KEY = List.of(
            new Column<>("indicator", "varchar", AggregateId::indicator),
            new Column<>("region", "varchar", AggregateId::region),
            new Column<>("period", "varchar", AggregateId::period),
            new Column<>("kind", "varchar", AggregateId::kind),
            new Column<>("basis", "varchar", AggregateId::basis));

    /** Every column of a figure besides its key and position: a column added to the table is added here. */
    private static final List<Column<Aggregate>> FIGURE = List.of(
            new Column<>("level", "varchar", row -> row.level.name()),
            new Column<>("parent_region", "varchar", row -> row.parentRegion),
            new Column<>("value", "numeric", row -> plain(row.value)),
            new Column<>("numerator", "numeric", row -> plain(row.numerator)),
            new Column<>("denominator", "numeric", row -> plain(row.denominator)),
            new Column<>("reporting_units", "integer", row -> Integer.toString(row.reportingUnits)),
            new Column<>("withheld_units", "integer", row -> Integer.toString(row.withheldUnits)),
            new Column<>("expected_units", "integer", row -> Integer.toString(row.expectedUnits)),
            new Column<>("updated_at", "timestamptz", row -> row.updatedAt.toString()),
            new Column<>("incomplete_units", "integer", row -> Integer.toString(row.incompleteUnits)),
            new Column<>("sources", "uuid[]", row -> arrayLiteral(row.sources)));

    private static final List<Column<ChangePosition>> POSITION = List.of(
            new Column<>("change_partition", "integer", at -> Integer.toString(at.partition())),
            new Column<>("change_offset", "bigint", at -> Long.toString(at.offset())));

    private static final String KEY_NAMES = names(KEY.stream());

    private static final String UPSERT = "INSERT INTO aggregate (" + names(Stream.of(KEY, FIGURE, POSITION).flatMap(List::stream)) + ")"
            + " " + rows(Stream.of(KEY, FIGURE, POSITION).flatMap(List::stream).toList())
            + " ON CONFLICT (" + KEY_NAMES + ") DO UPDATE SET "
            + Stream.concat(FIGURE.stream(), POSITION.stream()).map(column -> column.name() + " = EXCLUDED." + column.name())
                    .collect(Collectors.joining(", "));

    private static final String DELETE = "DELETE FROM aggregate a USING (" + rows(KEY) + ") AS d WHERE " + KEY.stream().map(column -> "a." + column.name() + " = d." + column.name())
                    .collect(Collectors.joining(" AND "));

    private static final String MARK_DELETED = "INSERT INTO aggregate_deletion (" + names(Stream.concat(KEY.stream(), POSITION.stream())) + ")"
            + " " + rows(Stream.concat(KEY.stream(), POSITION.stream()).toList())
            + " ON CONFLICT (" + KEY_NAMES + ") DO UPDATE SET change_partition = EXCLUDED.change_partition,"
            + " change_offset = EXCLUDED.change_offset";

    /** Creates the positions a batch needs, locks them (one writer per partition at a time) and reads them. */
    private static final String LOCK_POSITIONS = """
            INSERT INTO consumer_position (topic, partition, next_offset) SELECT ?, unnest(?::integer[]), 0
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = consumer_position.next_offset
            RETURNING partition, next_offset""";

    private static final String STORE_POSITIONS = """
            UPDATE consumer_position p SET next_offset = n.next_offset
            FROM unnest(?::integer[], ?::bigint[]) AS n(partition, next_offset)
            WHERE p.topic = ? AND p.partition = n.partition AND n.next_offset > p.next_offset""";

    private static final String POSITIONS = "SELECT partition, next_offset FROM consumer_position WHERE topic = ?";

    private final AgroalDataSource dataSource;

    AggregateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies in one transaction what of {@code changes} comes at or after each partition's stored position: each row
     * becomes the figure of its key, each deleted key loses its figure and gets a deletion marker, and each partition's
     * position moves to the end of the batch. Returns the changes applied.
     */
    @Transactional
    public AggregateChanges apply(AggregateChanges changes) {
        if (changes.nextOffsets().isEmpty()) {
            return changes;
        }
        String topic = changes.nextOffsets().keySet().iterator().next().topic();
        try (Connection connection = dataSource.getConnection()) {
            AggregateChanges applied = changes.notBefore(lockPositions(connection, topic, changes));
            if (!applied.upserts().isEmpty()) {
                write(connection, UPSERT, applied.upserts(), (row, arrays) -> {
                    arrays.add(KEY, row.id);
                    arrays.add(FIGURE, row);
                    arrays.add(POSITION, applied.positionOf(row.id));
                });
            }
            if (!applied.deletions().isEmpty()) {
                write(connection, DELETE, applied.deletions(), (id, arrays) -> arrays.add(KEY, id));
                write(connection, MARK_DELETED, applied.deletions(), (id, arrays) -> {
                    arrays.add(KEY, id);
                    arrays.add(POSITION, applied.positionOf(id));
                });
            }
            storePositions(connection, topic, changes.nextOffsets());
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply " + changes + " to the read model", e);
        }
    }

    /** The stored position of each partition of {@code topic} that has one: the offset of its next record to apply. */
    public Map<Integer, Long> positions(String topic) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(POSITIONS)) {
            statement.setString(1, topic);
            return positionsOf(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the positions of " + topic, e);
        }
    }

    private static Map<Integer, Long> lockPositions(Connection connection, String topic, AggregateChanges changes)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_POSITIONS)) {
            statement.setString(1, topic);
            statement.setArray(2, connection.createArrayOf("integer",
                    changes.nextOffsets().keySet().stream().map(TopicPartition::partition).toArray()));
            return positionsOf(statement);
        }
    }

    private static void storePositions(Connection connection, String topic, Map<TopicPartition, Long> nextOffsets)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STORE_POSITIONS)) {
            statement.setArray(1, connection.createArrayOf("integer",
                    nextOffsets.keySet().stream().map(TopicPartition::partition).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", nextOffsets.values().toArray()));
            statement.setString(3, topic);
            statement.executeUpdate();
        }
    }

    private static Map<Integer, Long> positionsOf(PreparedStatement statement) throws SQLException {
        Map<Integer, Long> positions = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                positions.put(rows.getInt("partition"), rows.getLong("next_offset"));
            }
        }
        return positions;
    }

    /** One statement for all {@code items}: each parameter is the array of one column's values. */
    private static <T> void write(Connection connection, String sql, Collection<T> items, BiConsumer<T, ColumnArrays> row)
            throws SQLException {
        ColumnArrays arrays = new ColumnArrays(items.size());
        for (T item : items) {
            arrays.next();
            row.accept(item, arrays);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            List<String> literals = arrays.literals();
            for (int i = 0; i < literals.size(); i++) {
                statement.setString(i + 1, literals.get(i));
            }
            statement.executeUpdate();
        }
    }

    /**
     * The text array literal of each column of a statement, written as the items are added, one row at a time: the
     * values are codes, numbers, timestamps and lists of UUIDs, so few need quoting, and none goes through an
     * intermediate list or the driver's generic array encoder.
     */
    private static final class ColumnArrays {

        private final List<StringBuilder> columns = new ArrayList<>();
        private final int rowCapacity;
        private int rows;
        private int column;

        ColumnArrays(int rows) {
            this.rowCapacity = rows;
        }

        void next() {
            rows++;
            column = 0;
        }

        <T> void add(List<Column<T>> of, T item) {
            for (Column<T> each : of) {
                append(each.value().apply(item));
            }
        }

        private void append(String value) {
            if (columns.size() == column) {
                columns.add(new StringBuilder(rowCapacity * 16).append('{'));
            }
            StringBuilder array = columns.get(column++);
            if (rows > 1) {
                array.append(',');
            }
            if (value == null) {
                array.append("NULL");
            } else if (isBare(value)) {
                array.append(value);
            } else {
                array.append('"');
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c == '"' || c == '\\') {
                        array.append('\\');
                    }
                    array.append(c);
                }
                array.append('"');
            }
        }

        /** A value that an array literal can hold unquoted: not empty, not NULL, none of its syntax or spaces. */
        private static boolean isBare(String value) {
            if (value.isEmpty() || value.equalsIgnoreCase("NULL")) {
                return false;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                    return false;
                }
            }
            return true;
        }

        List<String> literals() {
            return columns.stream().map(array -> array.append('}').toString()).toList();
        }
    }

    private static String names(Stream<? extends Column<?>> columns) {
        return columns.map(Column::name).collect(Collectors.joining(", "));
    }

    /**
     * The rows of one statement's parameters: each column comes as a text array and is cast per element, so that a
     * column that is itself an array (a figure's sources, of any length) needs no rectangular array.
     */
    private static String rows(List<? extends Column<?>> columns) {
        return "SELECT " + columns.stream().map(column -> "u." + column.name() + "::" + column.type())
                .collect(Collectors.joining(", "))
                + " FROM unnest(" + columns.stream().map(column -> "?::text[]").collect(Collectors.joining(", "))
                + ") AS u(" + names(columns.stream()) + ")";
    }

    /** A PostgreSQL array literal of the ids: UUIDs need no quoting. */
    private static String arrayLiteral(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
