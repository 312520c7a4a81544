package org.reportplatform.intake.extraction;

/**
 * A placeholder (X, XX, x, **, ____) where a report withheld a number: missing, never 0.
 *
 * @param placeholder the characters standing for the number
 * @param unit        the unit written after it, magnitude word kept
 * @param indicator   the catalogue code its subject maps to, or null
 */
public record Redaction(String text, int start, int end, String placeholder, String unit, FactKind kind, String subject,
                        String indicator, String report, String section) {
}
