package org.reportplatform.intake.service;

import java.util.Optional;
import org.reportplatform.contracts.problem.FieldError;

/**
 * Free text (a value's explanation, a reviewer's comment): bounded, and without control characters (PostgreSQL cannot
 * store NUL, and the others have no place in a reason).
 */
final class FreeText {

    /** As the columns hold: a reason, not a report. */
    static final int MAX_LENGTH = 500;

    private FreeText() {
    }

    /** What is wrong with a text that is not blank, if anything, as the error of {@code field}. */
    static Optional<FieldError> problemOf(String field, String text) {
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Optional.of(new FieldError(field, "has at most " + MAX_LENGTH + " characters", "最多 " + MAX_LENGTH + " 个字符"));
        }
        if (text.chars().anyMatch(FreeText::isDisallowedControl)) {
            return Optional.of(new FieldError(field, "may contain no control characters but line breaks and tabs",
                    "除换行符和制表符外不能含控制字符"));
        }
        return Optional.empty();
    }

    private static boolean isDisallowedControl(int character) {
        return Character.isISOControl(character) && character != '\n' && character != '\r' && character != '\t';
    }
}
