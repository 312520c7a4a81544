package org.reportplatform.intake.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.reportplatform.intake.config.IntakeConfig;

/**
 * Publishes the outbox to Kafka (docs/adr/0004, 0021): one loop on its own thread and its own small pool ("relay"),
 * so that HTTP requests never wait behind it. It wakes when a submission or a review step committed, and every poll
 * interval in any case (retries after a failure, rows of a replica that stopped); takes the oldest unpublished rows,
 * sends them all at once, and marks those Kafka acknowledged with one statement.
 * <p>
 * Delivery is at least once: an event goes out again when Kafka acknowledged it but the transaction that marks it
 * published did not commit (a crash, a database failure). Replicas may also publish neighbouring rows out of order.
 * Consumers therefore keep, per (region, dataset, period), the highest version they have seen and drop repeats and
 * older versions. A held version (event {@code held}) is published too but does not count: for figures the highest
 * version not held is the one to keep, and review steps of the version that counts may follow a held version with a
 * higher number.
 * <p>
 * Row locks are held while waiting for the broker, so replicas never publish the same rows at the same time.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    /** SKIP LOCKED lets several replicas relay at once, each taking rows the others do not hold. */
    private static final String NEXT_UNPUBLISHED = """
            SELECT id, topic, message_key, payload FROM outbox_event
            WHERE published_at IS NULL
            ORDER BY id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    /** A repeat (at least once) keeps the submission's first publication time. */
    private static final String MARK_PUBLISHED = """
            WITH published AS (
                UPDATE outbox_event SET published_at = ?, attempts = attempts + 1, last_error = NULL
                WHERE id = ANY (?) RETURNING submission_id)
            UPDATE submission SET published_at = ?
            WHERE id IN (SELECT submission_id FROM published) AND published_at IS NULL""";
    private static final String MARK_FAILED = """
            UPDATE outbox_event o SET attempts = o.attempts + 1, last_error = f.error
            FROM unnest(?::bigint[], ?::text[]) AS f(id, error)
            WHERE o.id = f.id""";
    private static final String COUNT_UNPUBLISHED = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";

    private final MutinyEmitter<String> emitter;
    private final AgroalDataSource dataSource;
    private final IntakeConfig.Outbox config;
    private final MeterRegistry meters;
    /** Wake-ups not yet served; one drain serves them all. */
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    OutboxRelay(@Channel("submissions") MutinyEmitter<String> emitter, @DataSource("relay") AgroalDataSource dataSource,
                IntakeConfig config, MeterRegistry meters) {
        this.emitter = emitter;
        this.dataSource = dataSource;
        this.config = config.outbox();
        this.meters = meters;
    }

    /** Called once a submission or a review step has committed, so that its event goes out now, not at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    // after the Kafka channel is wired, which the messaging extension does at start-up before application observers
    void start(@Observes StartupEvent started) {
        running = true;
        loop = new Thread(this::run, "outbox-relay");
        loop.setDaemon(true);
        loop.start();
    }

    /** Rows being sent when the service stops are left unpublished: the next start sends them (again). */
    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(config.sendTimeout().toMillis());
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                // a full batch means more may be waiting: publish them now rather than one batch per wake-up
                while (running && publishBatch() == config.batchSize()) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException stopped) {
                return;
            } catch (SQLException | RuntimeException e) {
                // e.g. the database is unreachable; the next poll tries again
                LOG.warnf("The outbox relay could not run: %s", e.getMessage());
            }
        }
    }

    /** Publishes the oldest unpublished events in one transaction; answers how many Kafka acknowledged. */
    private int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> batch = lockNextUnpublished(connection);
                if (batch.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                // The oldest event goes alone first: while Kafka is down only it waits out the timeout, not the batch.
                List<Delivery> deliveries = new ArrayList<>(deliver(batch.subList(0, 1)));
                if (deliveries.get(0).succeeded() && batch.size() > 1) {
                    deliveries.addAll(deliver(batch.subList(1, batch.size())));
                }
                List<Delivery> failed = deliveries.stream().filter(delivery -> !delivery.succeeded()).toList();
                long[] published = deliveries.stream().filter(Delivery::succeeded).mapToLong(delivery -> delivery.row().id()).toArray();
                markPublished(connection, published);
                markFailed(connection, failed);
                long waiting = failed.isEmpty() ? 0 : countUnpublished(connection);
                connection.commit();
                report(published.length, failed, waiting);
                return published.length;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Row> lockNextUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(NEXT_UNPUBLISHED)) {
            query.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return rows;
        }
    }

    private static void markPublished(Connection connection, long[] ids) throws SQLException {
        if (ids.length == 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
            update.setObject(1, now);
            update.setArray(2, connection.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
            update.setObject(3, now);
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, List<Delivery> failed) throws SQLException {
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setArray(1, connection.createArrayOf("bigint", failed.stream().map(delivery -> delivery.row().id()).toArray()));
            update.setArray(2, connection.createArrayOf("text", failed.stream().map(Delivery::error).toArray()));
            update.executeUpdate();
        }
    }

    private static long countUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_UNPUBLISHED);
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private void report(int published, List<Delivery> failed, long waiting) {
        if (published > 0) {
            LOG.debugf("Published %d submission event(s) to Kafka", published);
            meters.counter("intake.outbox.published").increment(published);
        }
        if (!failed.isEmpty()) {
            Throwable reason = failed.get(0).failure();
            LOG.warnf("Publishing to Kafka failed (%s: %s); %d event(s) wait in the outbox and will be retried",
                    reason.getClass().getSimpleName(), reason.getMessage(), waiting);
            meters.counter("intake.outbox.failures").increment(failed.size());
        }
    }

    /**
     * Sends the events at once, so that the producer batches them, and waits until each is acknowledged, failed or
     * timed out. One producer keeps the order of the sends within a partition.
     */
    private List<Delivery> deliver(List<Row> rows) {
        List<CompletableFuture<Delivery>> sends = rows.stream().map(this::send).toList();
        return sends.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Delivery> send(Row row) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            emitter.sendMessageAndForget(toMessage(row)
                    .withAck(() -> {
                        acknowledged.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        acknowledged.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException refused) {
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged.orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, failure) -> new Delivery(row, failure == null ? null : rootCause(failure)));
    }

    /** Kafka's own error, beneath the connector's retry and nack wrappers. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Message<String> toMessage(Row row) {
        return Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic())
                .withKey(row.messageKey())
                .build());
    }

    /** An outbox row taken for publishing. */
    private record Row(long id, String topic, String messageKey, String payload) {
    }

    private record Delivery(Row row, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }

        String error() {
            String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
        }
    }
}
