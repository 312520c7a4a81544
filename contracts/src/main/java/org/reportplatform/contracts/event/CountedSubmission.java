package org.reportplatform.contracts.event;

import java.util.UUID;
import org.reportplatform.contracts.catalogue.DatasetCode;
import org.reportplatform.contracts.period.PeriodCode;

/**
 * A submission version a county-level figure is made of, as indicator-service selected it: the lineage of every
 * figure above is the union of these under it (docs/adr/0018).
 *
 * @param period the submission's own period: a quarter of a year's figure, say
 */
public record CountedSubmission(UUID submissionId, DatasetCode dataset, PeriodCode period, int version) {
}
