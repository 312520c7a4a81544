package org.reportplatform.dashboard.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** One series of submissions: a unit's form for a period. */
@Embeddable
public record SubmissionReceiptId(String region, String dataset, String period) implements Serializable {
}
