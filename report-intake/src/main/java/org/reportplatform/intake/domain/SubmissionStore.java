package org.reportplatform.intake.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.util.PSQLException;
import org.reportplatform.contracts.catalogue.IndicatorCode;

/**
 * Stores a new submission in two round trips, around Hibernate (docs/adr/0021): one query reads what its checks need,
 * one call of the database function {@code submit} (Flyway V8) stores it whole or not at all. Each runs on its own,
 * in autocommit: the function checks under the series lock that the series is still as read.
 */
@ApplicationScoped
public class SubmissionStore {

    /**
     * What the checks of a new submission read about its unit.
     *
     * @param latestVersion  the newest version of its series, 0 before the first
     * @param earlier        what was stored under its key before, if anything
     * @param countingValues the reported actual values of the version that counts of each series asked for; a series
     *                       without one is absent
     */
    public record Context(int latestVersion, Optional<Earlier> earlier,
                          Map<SeriesKey, Map<IndicatorCode, BigDecimal>> countingValues) {

        public Map<IndicatorCode, BigDecimal> countingValuesOf(SeriesKey series) {
            return countingValues.getOrDefault(series, Map.of());
        }
    }

    /** The submission stored under a key: the hash of its content tells a replay from another use of the key. */
    public record Earlier(UUID id, String contentHash) {
    }

    /** What {@code submit} did; see V8 for what version and at are in each case. */
    public record Result(Outcome outcome, int version, Optional<Instant> at) {
    }

    public enum Outcome {
        STORED,
        /** Another version came in since the series was read: read again. */
        STALE,
        /** The version that counts was accepted by the province: the series takes no new version. */
        ACCEPTED,
        /** The report date given comes before the newest version's. */
        REPORTED_BEFORE_LATEST,
        /** Another call stored the key meanwhile: nothing was stored. */
        KEY_TAKEN
    }

    private static final String KEY_CONSTRAINT = "submission_key_unique";

    /**
     * The header row (series, key), then the values of the versions that count of the series asked for: reported
     * actual ones only, since withheld values are missing, never 0, and targets are compared with nothing.
     */
    private static final String CONTEXT = """
            SELECT NULL::varchar AS dataset, NULL::varchar AS period, NULL::varchar AS indicator, NULL::numeric AS value,
                   (SELECT latest_version FROM submission_series WHERE region = ? AND dataset = ? AND period = ?),
                   e.id, e.content_hash
            FROM (SELECT 1) AS one LEFT JOIN submission e ON e.submission_key = ?
            UNION ALL
            SELECT s.dataset, s.period, v.indicator, v.value, NULL, NULL, NULL
            FROM unnest(?::varchar[], ?::varchar[]) AS c(dataset, period)
            JOIN submission s ON s.region = ? AND s.dataset = c.dataset AND s.period = c.period AND s.status = 'SUBMITTED'
            JOIN submission_value v ON v.submission_id = s.id AND v.status = 'REPORTED' AND v.kind = 'ACTUAL'""";

    private static final String SUBMIT = "SELECT outcome, version, at FROM submit("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], "
            + "?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[], ?::varchar[], "
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::text[], "
            + "?::varchar[], "
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::text[], ?::text[], "
            + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[], "
            + "?, ?, ?)";

    private final AgroalDataSource dataSource;

    SubmissionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The series' newest version, the key's earlier use, and the counting values of the unit's other series asked for. */
    public Context read(SeriesKey series, String submissionKey, Collection<SeriesKey> compared) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(CONTEXT)) {
            query.setString(1, series.region());
            query.setString(2, series.dataset());
            query.setString(3, series.period());
            query.setString(4, submissionKey);
            query.setArray(5, connection.createArrayOf("varchar", compared.stream().map(SeriesKey::dataset).toArray()));
            query.setArray(6, connection.createArrayOf("varchar", compared.stream().map(SeriesKey::period).toArray()));
            query.setString(7, series.region());
            int latestVersion = 0;
            Optional<Earlier> earlier = Optional.empty();
            Map<SeriesKey, Map<IndicatorCode, BigDecimal>> countingValues = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String dataset = rows.getString(1);
                    if (dataset == null) {
                        latestVersion = rows.getInt(5);
                        String earlierId = rows.getString(6);
                        earlier = earlierId == null ? Optional.empty()
                                : Optional.of(new Earlier(UUID.fromString(earlierId), rows.getString(7)));
                    } else {
                        countingValues.computeIfAbsent(new SeriesKey(series.region(), dataset, rows.getString(2)),
                                key -> new HashMap<>()).put(IndicatorCode.of(rows.getString(3)), rows.getBigDecimal(4));
                    }
                }
            }
            return new Context(latestVersion, earlier, countingValues);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read series " + series + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the submission as built, superseding the earlier versions in {@code supersedes}, with its outbox event;
     * or nothing, and says why. {@code reportedAtGiven}: its submittedAt is a report date the sender gave.
     */
    public Result submit(Submission submission, Collection<SubmissionStatus> supersedes, boolean reportedAtGiven,
                         OutboxEvent event) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement call = connection.prepareStatement(SUBMIT)) {
            Arrays arrays = new Arrays(connection);
            int p = 0;
            call.setObject(++p, submission.id);
            call.setString(++p, submission.submissionKey);
            call.setString(++p, submission.region);
            call.setString(++p, submission.dataset);
            call.setString(++p, submission.period);
            call.setInt(++p, submission.version);
            call.setString(++p, submission.status.name());
            call.setString(++p, submission.reviewStatus == null ? null : submission.reviewStatus.name());
            call.setString(++p, submission.contentHash);
            call.setObject(++p, timestamp(submission.receivedAt));
            call.setObject(++p, timestamp(submission.submittedAt));
            call.setBoolean(++p, reportedAtGiven);
            call.setArray(++p, arrays.of(supersedes, Enum::name));
            List<SubmissionValue> values = submission.values;
            call.setArray(++p, arrays.of(values, value -> value.indicator));
            call.setArray(++p, arrays.numbers(values, value -> value.value));
            call.setArray(++p, arrays.of(values, value -> value.status.name()));
            call.setArray(++p, arrays.of(values, value -> value.kind.name()));
            call.setArray(++p, arrays.of(values, value -> value.explanation));
            List<SubmissionWarning> warnings = submission.warnings;
            call.setArray(++p, arrays.of(warnings, warning -> warning.field));
            call.setArray(++p, arrays.of(warnings, warning -> warning.indicator));
            call.setArray(++p, arrays.of(warnings, warning -> warning.rule));
            call.setArray(++p, arrays.of(warnings, warning -> warning.message));
            call.setArray(++p, arrays.of(submission.missingRequired, Function.identity()));
            List<SubmissionNotice> notices = submission.notices;
            call.setArray(++p, arrays.of(notices, notice -> notice.indicator));
            call.setArray(++p, arrays.of(notices, notice -> notice.field));
            call.setArray(++p, arrays.of(notices, notice -> notice.otherDataset));
            call.setArray(++p, arrays.numbers(notices, notice -> notice.otherValue));
            call.setArray(++p, arrays.of(notices, notice -> notice.message));
            call.setArray(++p, arrays.of(notices, notice -> notice.messageZh));
            List<ReviewTransition> transitions = submission.transitions;
            call.setArray(++p, arrays.of(transitions, step -> step.action.name()));
            call.setArray(++p, arrays.of(transitions, step -> step.fromState == null ? null : step.fromState.name()));
            call.setArray(++p, arrays.of(transitions, step -> step.toState.name()));
            call.setArray(++p, arrays.of(transitions, step -> step.actor));
            call.setArray(++p, arrays.of(transitions, step -> step.role.name()));
            call.setArray(++p, arrays.of(transitions, step -> step.comment));
            call.setArray(++p, arrays.of(transitions, step -> step.at.toString()));
            call.setString(++p, event.topic);
            call.setString(++p, event.messageKey);
            call.setString(++p, event.payload);
            try (ResultSet row = call.executeQuery()) {
                row.next();
                OffsetDateTime at = row.getObject(3, OffsetDateTime.class);
                return new Result(Outcome.valueOf(row.getString(1).toUpperCase(Locale.ROOT).replace('-', '_')), row.getInt(2),
                        Optional.ofNullable(at).map(OffsetDateTime::toInstant));
            }
        } catch (SQLException e) {
            if (e instanceof PSQLException refused && refused.getServerErrorMessage() != null
                    && KEY_CONSTRAINT.equals(refused.getServerErrorMessage().getConstraint())) {
                return new Result(Outcome.KEY_TAKEN, 0, Optional.empty());
            }
            throw new IllegalStateException("cannot store submission " + submission.id + ": " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** SQL arrays of one column of a submission's rows, for unnest. */
    private record Arrays(Connection connection) {

        <T> Array of(Collection<T> rows, Function<T, String> column) throws SQLException {
            return connection.createArrayOf("varchar", rows.stream().map(column).toArray());
        }

        <T> Array numbers(Collection<T> rows, Function<T, BigDecimal> column) throws SQLException {
            return connection.createArrayOf("numeric", rows.stream().map(column).toArray());
        }
    }
}
