package org.reportplatform.intake.extraction;

import java.util.List;

/**
 * A submission a person confirms before sending it through {@code POST /api/v1/submissions}: the same fields, the
 * actual values read from a narrative report for the indicators of one form.
 */
public record Draft(String submissionKey, String region, String dataset, String period, List<DraftValue> values) {
}
