package org.reportplatform.intake.rest;

import java.util.List;

/**
 * The body of {@code POST /api/v1/submissions}. Plain strings rather than the contracts' types, so that
 * SubmissionValidator reports every bad field at once instead of Jackson stopping at the first.
 *
 * @param submissionKey the sender's id for this submission: sending it again is a harmless replay
 */
public record SubmissionRequest(String submissionKey, String region, String dataset, String period, List<ValueRequest> values) {
}
