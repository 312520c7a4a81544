package org.reportplatform.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AggregateRepository implements PanacheRepositoryBase<Aggregate, AggregateId> {

    /** The figures of a region in each of {@code periods} that has a row (primary key). */
    public List<Aggregate> ofRegion(String indicator, String region, List<String> periods) {
        return list("id.indicator = ?1 and id.region = ?2 and id.period in ?3", indicator, region, periods);
    }

    /**
     * The figures of a region and of the regions directly below it, in each of {@code periods}, that have a row:
     * one query for a whole ranking (primary key and index aggregate_children).
     */
    public List<Aggregate> ofRegionAndChildren(String indicator, String region, List<String> periods) {
        return list("id.indicator = ?1 and id.period in ?3 and (id.region = ?2 or parentRegion = ?2)",
                indicator, region, periods);
    }
}
