package org.reportplatform.intake.extraction;

/**
 * Something a person confirming the facts should look at, with the original offsets it concerns.
 *
 * @param type {@code parts-do-not-add-up} or {@code encoding-damage}
 */
public record ExtractionWarning(String type, String message, int start, int end) {
}
