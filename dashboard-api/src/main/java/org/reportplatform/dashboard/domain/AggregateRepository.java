package org.reportplatform.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.reportplatform.contracts.event.Basis;

@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, AggregateId> {

    /** The figures, actuals and targets, of a region in each of {@code periods} that has a row (primary key). */
    public List<Aggregate> ofRegion(String indicator, String region, List<String> periods, Basis basis) {
        return list("id.indicator = ?1 and id.region = ?2 and id.period in ?3 and id.basis = ?4",
                indicator, region, periods, AggregateId.columnOf(basis));
    }

    /**
     * The figures of {@code regions} in each of {@code periods} that have a row: one query for a region, its children
     * and the units within it, whose rows figures are recomputed from.
     */
    public List<Aggregate> ofRegions(String indicator, List<String> regions, List<String> periods, Basis basis) {
        return list("id.indicator = ?1 and id.region in ?2 and id.period in ?3 and id.basis = ?4",
                indicator, regions, periods, AggregateId.columnOf(basis));
    }
}
