package org.reportplatform.intake.service;

import java.util.Optional;

/**
 * Free text (a value's explanation, a reviewer's comment): bounded, and without control characters (PostgreSQL cannot
 * store NUL, and the others have no place in a reason).
 */
final class FreeText {

    /** As the columns hold: a reason, not a report. */
    static final int MAX_LENGTH = 500;

    private FreeText() {
    }

    /** What is wrong with a text that is not blank, if anything: the message of its field error. */
    static Optional<String> problemOf(String text) {
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.of("has at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(FreeText::isDisallowedControl)) {
            return Optional.of("may contain no control characters but line breaks and tabs");
        }
        return Optional.empty();
    }

    private static boolean isDisallowedControl(int character) {
        return Character.isISOControl(character) && character != '\n' && character != '\r' && character != '\t';
    }
}
