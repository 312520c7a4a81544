package org.reportplatform.intake.extraction;

/**
 * Where a draft value comes from, so that the person confirming it can find it: the clause and, for a number
 * (not a placeholder), the number itself, as original offsets.
 */
public record FactSource(String text, int start, int end, Integer numberStart, Integer numberEnd, String subject, double confidence) {

    static FactSource of(Fact fact) {
        return new FactSource(fact.text(), fact.start(), fact.end(), fact.numberStart(), fact.numberEnd(), fact.subject(), fact.confidence());
    }

    static FactSource of(Redaction redaction) {
        return new FactSource(redaction.text(), redaction.start(), redaction.end(), null, null, redaction.subject(), 0);
    }
}
