package org.reportplatform.intake.rest;

import java.util.List;

/**
 * The body of {@code POST /api/v1/submissions}. Plain strings rather than the contracts' types, so that
 * SubmissionValidator reports every bad field at once instead of Jackson stopping at the first.
 *
 * @param submissionKey the sender's id for this submission: sending it again is a harmless replay
 * @param reportedAt    optional, an ISO-8601 instant: when the unit originally reported it, for history the province
 *                      loads (补录); the province's only. Absent, the submission was reported when intake received it
 */
public record SubmissionRequest(String submissionKey, String region, String dataset, String period, List<ValueRequest> values,
                                String reportedAt) {
}
