package org.reportplatform.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class SubmissionReceiptRepository implements PanacheRepositoryBase<SubmissionReceipt, SubmissionReceiptId> {

    /** The receipts of one form and period from the given units (primary key). */
    public List<SubmissionReceipt> of(String dataset, String period, Collection<String> regions) {
        return list("id.dataset = ?1 and id.period = ?2 and id.region in ?3", dataset, period, regions);
    }
}
