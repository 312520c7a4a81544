package org.reportplatform.intake.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.reportplatform.intake.config.IntakeConfig;
import org.reportplatform.intake.domain.OutboxEvent;
import org.reportplatform.intake.domain.Submission;

/**
 * Publishes the outbox to Kafka: oldest first, marking each event published once the broker acknowledged it.
 * <p>
 * Delivery is at least once: an event goes out again when Kafka acknowledged it but the transaction that marks it
 * published did not commit (a crash, a database failure, the transaction timeout). Replicas may also publish
 * neighbouring rows out of order. Consumers therefore keep, per (region, dataset, period), the highest version
 * they have seen and drop repeats and older versions. A held version (event {@code held}) is published too but does
 * not count: for figures the highest version not held is the one to keep, and review steps of the version that
 * counts may follow a held version with a higher number.
 * <p>
 * Row locks are held while waiting for the broker, so replicas never publish the same rows at the same time;
 * the transaction timeout covers the longest wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final IntakeConfig.Outbox config;
    private final MeterRegistry meters;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private final ThreadContext outsideTransaction = ThreadContext.builder()
            .cleared(ThreadContext.TRANSACTION).propagated(ThreadContext.ALL_REMAINING).unchanged().build();

    OutboxRelay(@Channel("submissions") MutinyEmitter<String> emitter, IntakeConfig config, MeterRegistry meters) {
        this.emitter = emitter;
        this.config = config.outbox();
        this.meters = meters;
    }

    /** Called once a submission has committed, so that its event goes out now rather than at the next poll. */
    public void wakeUp() {
        Infrastructure.getDefaultWorkerPool().execute(this::publishPending);
    }

    /**
     * Polls for what wake-ups do not cover: retries after a failure, events of a replica that stopped. The
     * scheduler ticks once a second at best, so the poll alone would delay every event by up to a second.
     */
    @Scheduled(every = "${intake.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // the Kafka channel is wired during start-up: polling before then fails
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishPending() {
        drainRequested.set(true);
        // One drain at a time; a request that arrives during a drain makes it run once more, so none is lost.
        while (drainRequested.get() && draining.compareAndSet(false, true)) {
            try {
                drainRequested.set(false);
                drain();
            } catch (RuntimeException e) {
                // e.g. the database is unreachable; the next poll tries again
                LOG.warnf("The outbox relay could not run: %s", e.getMessage());
            } finally {
                draining.set(false);
            }
        }
    }

    private void drain() {
        // a full batch means more may be waiting: publish them now rather than one batch per poll
        int published;
        do {
            published = QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds()).call(this::publishBatch);
        } while (published == config.batchSize());
    }

    /** The probe and the rest of the batch each wait at most the send timeout; the database work fits in the margin. */
    private int transactionTimeoutSeconds() {
        return (int) config.sendTimeout().multipliedBy(2).plusSeconds(30).toSeconds();
    }

    private int publishBatch() {
        List<OutboxEvent> batch = OutboxEvent.lockNextUnpublished(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // The oldest event goes alone first: while Kafka is down only it waits out the timeout, not the whole batch.
        List<Delivery> deliveries = new ArrayList<>(deliver(batch.subList(0, 1)));
        if (deliveries.get(0).succeeded() && batch.size() > 1) {
            deliveries.addAll(deliver(batch.subList(1, batch.size())));
        }
        Instant now = Instant.now();
        List<Delivery> failed = deliveries.stream().filter(delivery -> !delivery.succeeded()).toList();
        List<OutboxEvent> published = deliveries.stream().filter(Delivery::succeeded).map(Delivery::event).toList();
        published.forEach(event -> event.recordPublished(now));
        failed.forEach(delivery -> delivery.event().recordFailure(delivery.failure()));
        Submission.markPublished(published.stream().map(event -> event.submissionId).toList(), now);

        if (!published.isEmpty()) {
            LOG.infof("Published %d submission event(s) to Kafka", published.size());
            meters.counter("intake.outbox.published").increment(published.size());
        }
        if (!failed.isEmpty()) {
            Throwable reason = failed.get(0).failure();
            LOG.warnf("Publishing to Kafka failed (%s: %s); %d event(s) wait in the outbox and will be retried",
                    reason.getClass().getSimpleName(), reason.getMessage(), OutboxEvent.countUnpublished());
            meters.counter("intake.outbox.failures").increment(failed.size());
        }
        return published.size();
    }

    /**
     * Sends the events concurrently and waits until each is acknowledged, failed or timed out. The send runs with
     * the transaction context cleared and its acknowledgement completes a plain future: otherwise the connector
     * carries this transaction into the producer's thread, and a commit racing that thread's callback finds the
     * transaction active on two threads and fails.
     */
    private List<Delivery> deliver(List<OutboxEvent> events) {
        List<CompletableFuture<Delivery>> sends = events.stream().map(this::send).toList();
        return sends.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Delivery> send(OutboxEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            outsideTransaction.contextualRunnable(() -> emitter.sendMessageAndForget(toMessage(event)
                    .withAck(() -> {
                        acknowledged.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        acknowledged.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }))).run();
        } catch (RuntimeException refused) {
            acknowledged.completeExceptionally(refused);
        }
        return acknowledged.orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((ok, failure) -> new Delivery(event, failure == null ? null : rootCause(failure)));
    }

    /** Kafka's own error, beneath the connector's retry and nack wrappers. */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Message<String> toMessage(OutboxEvent event) {
        return Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .build());
    }

    private record Delivery(OutboxEvent event, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }
}
