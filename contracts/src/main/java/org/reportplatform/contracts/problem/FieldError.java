package org.reportplatform.contracts.problem;

/** One bad field of a request: where it is ({@code values[2].value}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
