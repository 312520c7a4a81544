package org.reportplatform.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The service's own settings, {@code intake.*} in application.properties. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The most values one submission may carry: a whole form has about 130. */
    int maxValues();

    /** The largest request body accepted, answered with a problem+json 413 beyond. */
    MemorySize maxBodySize();

    /** The most verified bearer tokens kept until they expire, so that each is verified once. */
    int verifiedTokenCacheSize();

    Outbox outbox();

    Extraction extraction();

    interface Extraction {

        /** The largest narrative report {@code POST /api/v1/extractions} reads, answered with a problem+json 413 beyond. */
        MemorySize maxTextSize();
    }

    interface Outbox {

        /** How often the relay looks for unpublished events when nothing wakes it. */
        Duration pollInterval();

        /** The most events published per transaction: sent together, marked with one statement. */
        int batchSize();

        /** How long the relay waits for Kafka to acknowledge one event before it counts as failed. */
        Duration sendTimeout();
    }
}
