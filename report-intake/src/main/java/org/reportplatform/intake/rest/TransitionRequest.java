package org.reportplatform.intake.rest;

/**
 * The body of {@code POST /api/v1/submissions/{id}/transitions}: one review action. Plain strings, so that every bad
 * field is named at once. {@code actor} and {@code role} are stated by the caller until authentication takes them from
 * a token.
 *
 * @param action  {@code approve} or {@code return} (a reviewer's), {@code accept} or {@code reopen} (the province's)
 * @param role    {@code reviewer} or {@code province}
 * @param comment why; required to return or reopen
 */
public record TransitionRequest(String action, String actor, String role, String comment) {
}
