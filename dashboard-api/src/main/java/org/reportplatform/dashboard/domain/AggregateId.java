package org.reportplatform.dashboard.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import org.reportplatform.contracts.event.AggregateKey;
import org.reportplatform.contracts.event.Basis;

/** The key of a figure, the same five parts as the topic's key; kind and basis by their enum names. */
@Embeddable
public record AggregateId(String indicator, String region, String period, String kind, String basis) implements Serializable {

    public static AggregateId of(AggregateKey key) {
        return new AggregateId(key.indicator().value(), key.region().value(), key.period().value(), key.kind().name(),
                key.basis().name());
    }

    public static String columnOf(Basis basis) {
        return basis.name();
    }
}
