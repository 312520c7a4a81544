package org.reportplatform.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, AggregateId> {

    /** The figures of the regions directly below {@code parentRegion} that have a row (index aggregate_children). */
    public List<Aggregate> childrenOf(String indicator, String period, String parentRegion) {
        return list("id.indicator = ?1 and id.period = ?2 and parentRegion = ?3", indicator, period, parentRegion);
    }
}
