package org.reportplatform.dashboard.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import org.reportplatform.contracts.event.AggregateKey;

/** The key of a figure, the same three parts as the topic's key. */
@Embeddable
public record AggregateId(String indicator, String region, String period) implements Serializable {

    public static AggregateId of(AggregateKey key) {
        return new AggregateId(key.indicator().value(), key.region().value(), key.period().value());
    }
}
